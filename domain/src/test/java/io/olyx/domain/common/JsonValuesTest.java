package io.olyx.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
    @Test
    void aWholeNumberOutOfRangeIsToldItsBoundNotThatItIsNoWholeNumber() {
        assertThat(JsonValues.wholeNumberProblem(new BigDecimal("2147483648"), 1, Integer.MAX_VALUE))
                .contains("at most 2147483647");
        assertThat(JsonValues.wholeNumberProblem(new BigDecimal("0"), 1, 100)).contains("at least 1");
        assertThat(JsonValues.wholeNumberProblem(new BigDecimal("1.5"), 1, 100)).contains("a whole number");
        assertThat(JsonValues.wholeNumberProblem(new BigDecimal("1.5e40"), 1, 100)).contains("at most 100");
        assertThat(JsonValues.wholeNumberProblem(new BigDecimal("2.0"), 1, 100)).isEmpty();
        assertThat(JsonValues.wholeNumberProblem(new BigDecimal("1e2"), 1, 100)).isEmpty();
    }

    @Test
    void jsonLengthIsTheLengthOfTheCompactJsonText() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", List.of(1, "x", true));
        value.put("b", Arrays.asList(null, new BigDecimal("2.5"), Map.of()));
        String json = "{\"a\":[1,\"x\",true],\"b\":[null,2.5,{}]}";
        assertThat(JsonValues.jsonLength(value)).isEqualTo(json.length());
    }

    @Test
    void jsonLengthCountsEscapes() {
        assertThat(JsonValues.jsonLength("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"".length());
        assertThat(JsonValues.jsonLength(List.of())).isEqualTo(2);
    }

    @Test
    void jsonLengthSeesStringsNestedAtAnyDepth() {
        Object nested = Map.of("k", List.of(Map.of("deep", "x".repeat(10_000))));
        assertThat(JsonValues.jsonLength(nested)).isGreaterThan(10_000);
    }
}
