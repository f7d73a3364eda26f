package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void parsesNestedDocumentsIntoPlainJavaValues() {
        Object value = JsonText.parse("{\"city\":\"London\",\"days\":3,\"temp\":-1.5e1,\"tags\":[true,null],"
                + "\"big\":123456789012345678901234567890,\"s\":\"a\\\"b\\u00e9\\n\"}").orElseThrow();

        assertThat(value).isEqualTo(Map.of("city", "London", "days", 3L, "temp", -15.0,
                "tags", java.util.Arrays.asList(true, null),
                "big", new BigInteger("123456789012345678901234567890"), "s", "a\"bé\n"));
    }

    @Test
    void rejectsInvalidJson() {
        assertThat(JsonText.parse("{\"a\":1,}")).isEmpty();
        assertThat(JsonText.parse("{\"a\":01}")).isEmpty();
        assertThat(JsonText.parse("{\"a\":1} x")).isEmpty();
        assertThat(JsonText.parse("{\"city\": \"Lon")).isEmpty();
        assertThat(JsonText.parse("")).isEmpty();
        assertThat(JsonText.parseObject("[1]")).isEmpty();
    }

    @Test
    void numbersOutOfOlyxsRangeMakeTheDocumentInvalid() {
        assertThat(JsonText.parse("{\"a\":1e999999}")).isEmpty();
        assertThat(JsonText.parse("{\"a\":1e99999999999}")).isEmpty();
        assertThat(JsonText.parse("[1" + "0".repeat(1001) + "]")).isEmpty();
        assertThat(JsonText.parse("{\"a\":1e400}")).contains(Map.of("a", new java.math.BigDecimal("1e400")));
    }

    @Test
    void representsATopLevelNullWithAMarker() {
        assertThat(JsonText.parse(" null ")).contains(JsonText.JsonNull.INSTANCE);
    }

    @Test
    void writesCompactJsonWithEscapes() {
        assertThat(JsonText.write(Map.of("q", "say \"hi\"\t\u0001"))).isEqualTo("{\"q\":\"say \\\"hi\\\"\\t\\u0001\"}");
        assertThat(JsonText.write(List.of(1, 2.5, 3.0, false))).isEqualTo("[1,2.5,3.0,false]");
    }
}
