package io.olyx.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class JsonStringsTest {
    private static final String HIGH = String.valueOf((char) 0xD83D);
    private static final String LOW = String.valueOf((char) 0xDE00);

    @Test
    void namesWhereAHalfPairSitsInValuesAndKeys() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", "fine " + HIGH + LOW);
        body.put("metadata", Map.of("notes", List.of("ok", "cut " + HIGH)));

        assertThat(JsonStrings.firstUnpairedSurrogate(body, "")).contains("metadata.notes[1]");
        assertThat(JsonStrings.firstUnpairedSurrogate(Map.of("k" + LOW, 1), "line")).contains("line.k" + LOW);
        assertThat(JsonStrings.firstUnpairedSurrogate(Map.of("input", HIGH + LOW, "n", 1), "")).isEmpty();
    }

    @Test
    void aPairMustBeHighThenLow() {
        assertThat(JsonStrings.hasUnpairedSurrogate(LOW + HIGH)).isTrue();
        assertThat(JsonStrings.hasUnpairedSurrogate(HIGH + HIGH + LOW)).isTrue();
        assertThat(JsonStrings.hasUnpairedSurrogate("end " + HIGH)).isTrue();
        assertThat(JsonStrings.hasUnpairedSurrogate("a" + HIGH + LOW + "b")).isFalse();
    }

    /** Exactly the strings that UTF-8 cannot carry unchanged are refused. */
    @Property
    void refusedIffUtf8WouldChangeIt(@ForAll @CharRange(from = (char) 0xD7F0, to = (char) 0xE010) String text) {
        boolean survivesUtf8 = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);

        assertThat(JsonStrings.hasUnpairedSurrogate(text)).isEqualTo(!survivesUtf8);
    }
}
