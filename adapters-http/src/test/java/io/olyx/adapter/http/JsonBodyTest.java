package io.olyx.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    static ApiError rejection(String body) {
        return catchThrowableOfType(ApiError.class, () -> JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hugeExponentsAnywhereInTheBodyAreUnprocessableAndSayWhere() {
        ApiError error = rejection("{\"trace_id\": \"t\", \"metadata\": {\"scores\": [1, 1e999999999]}}");

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.code()).isEqualTo("invalid_request");
        assertThat(error.getMessage()).contains("metadata.scores[1]").contains("between -1000 and 1000");
    }

    @Test
    void tinyExponentsAndZerosWithHugeScalesAreRefusedToo() {
        assertThat(rejection("{\"max_cost\": 1e-999999999}").status()).isEqualTo(422);
        assertThat(rejection("{\"a\": 0e-999999999}").status()).isEqualTo(422);
        assertThat(rejection("{\"a\": -1.5e1001}").status()).isEqualTo(422);
    }

    @Test
    void exponentsBeyondWhatBigDecimalCanHoldAreOutOfRangeToo() {
        ApiError error = rejection("{\"a\": 1e99999999999}");

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.getMessage()).startsWith("Request body at a: a number is out of range");
    }

    @Test
    void anExponentBigDecimalCannotHoldIsNamedWhereItSits() {
        assertThat(rejection("{\"revenue\": 1e-2147483649}").getMessage())
                .startsWith("Request body at revenue: a number is out of range");
        assertThat(rejection("{\"metadata\": {\"scores\": [1, 2.5, {\"x\": [-3E+2147483648]}]}}").getMessage())
                .startsWith("Request body at metadata.scores[2].x[0]: a number is out of range");
        assertThat(catchThrowableOfType(ApiError.class, () -> JsonBody.read("[0, 1e9999999999]", "Line 4"))
                .getMessage()).startsWith("Line 4 at [1]: a number is out of range");
    }

    @Test
    void aNumberOfMoreDigitsThanJacksonReadsIsNamedWhereItSits() {
        String digits = "1".repeat(JsonBody.MAX_NUMBER_DIGITS + 1);
        ApiError error = rejection("{\"metadata\": {\"scores\": [1, {\"x\": " + digits + "}]}}");

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.code()).isEqualTo("invalid_request");
        assertThat(error.getMessage()).isEqualTo("Request body at metadata.scores[1].x: a number is written with more "
                + "than 1000 digits");
        assertThat(rejection("{\"revenue\": -0." + digits + "e5}").getMessage())
                .startsWith("Request body at revenue: a number is written with more than 1000 digits");
        assertThat(catchThrowableOfType(ApiError.class, () -> JsonBody.read("[0, " + digits + "]", "Line 4"))
                .getMessage()).startsWith("Line 4 at [1]: a number is written");
        assertThat(catchThrowableOfType(ApiError.class, () -> JsonBody.read(digits, "Line 2")).getMessage())
                .startsWith("Line 2: a number is written");
        assertThat(JsonBody.parse(("{\"a\": " + "9".repeat(JsonBody.MAX_NUMBER_DIGITS - 1) + "}")
                .getBytes(StandardCharsets.UTF_8)).decimal("a")).isPresent();
        assertThat(rejection("{\"a\": " + "[".repeat(1500) + "]".repeat(1500) + "}").code())
                .as("Jackson's other limits stay malformed JSON").isEqualTo("invalid_json");
    }

    @Test
    void aValueThatIsItselfTheProblemIsNamedByItsSourceAlone() {
        assertThat(catchThrowableOfType(ApiError.class, () -> JsonBody.read("1e5000", "Line 2")).getMessage())
                .startsWith("Line 2: a number is out of range");
        assertThat(catchThrowableOfType(ApiError.class, () -> JsonBody.read("-1e99999999999", "Line 3"))
                .getMessage()).startsWith("Line 3: a number is out of range");
        assertThat(catchThrowableOfType(ApiError.class, () -> JsonBody.read("\"\\ud800\"", "Line 4"))
                .getMessage()).startsWith("Line 4: text holds half of a UTF-16 surrogate pair");
    }

    @Test
    void numbersAtTheBoundAreKeptExactly() {
        JsonBody body = JsonBody.parse("{\"big\": 1e1000, \"small\": 1e-1000, \"cost\": 0.123456789123456789}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(body.decimal("big")).contains(new BigDecimal("1e1000"));
        assertThat(body.decimal("small")).contains(new BigDecimal("1e-1000"));
        assertThat(body.decimal("cost")).contains(new BigDecimal("0.123456789123456789"));
    }

    @Test
    void trailingTokensAfterTheDocumentAreMalformed() {
        ApiError error = rejection("{} garbage");

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("invalid_json");
        assertThat(rejection("{\"a\": 1} {\"b\": 2}").code()).isEqualTo("invalid_json");
    }

    @Test
    void malformedJsonIsDescribedWithItsPlaceAndWithoutTheParsersInternals() {
        assertThat(rejection("{} {}").getMessage())
                .isEqualTo("Request body is not valid JSON: unexpected text after the JSON document at line 1, column 4");
        assertThat(rejection("[".repeat(1001) + "]".repeat(1001)).getMessage())
                .isEqualTo("Request body is not valid JSON: nesting deeper than 1000 levels");
        assertThat(rejection("{\"a\": NaN}").getMessage())
                .isEqualTo("Request body is not valid JSON: non-standard token 'NaN' at line 1, column 10");
        assertThat(rejection("{\"a\":\n [}").getMessage()).isEqualTo("Request body is not valid JSON: unexpected "
                + "close marker '}': expected ']' (for Array starting at line 2, column 2) at line 2, column 3");
        for (String broken : List.of("{} {}", "{\"a\": 1}\n[", "{\"a\":[}", "{\"a\": NaN}", "{\"a\": ",
                "[".repeat(1001), "{a: 1}", "{\"a\": 01}", "\"open")) {
            assertThat(rejection(broken).getMessage()).as(broken).startsWith("Request body is not valid JSON: ")
                    .doesNotContain("`").doesNotContain("Source").doesNotContain("java.")
                    .doesNotContain("Feature").doesNotContain("Constraints");
        }
    }

    @Test
    void aWholeNumberTooLargeForItsFieldIsToldTheLimitNotThatItIsNoWholeNumber() {
        JsonBody body = JsonBody.parse("{\"big\": 2147483648, \"small\": -2147483649, \"half\": 1.5, \"two\": 2.0,"
                + " \"thousand\": 1e3, \"huge\": 1e30}");

        assertThat(catchThrowableOfType(ApiError.class, () -> body.integer("big")).getMessage())
                .isEqualTo("big must be at most 2147483647");
        assertThat(catchThrowableOfType(ApiError.class, () -> body.integer("small")).getMessage())
                .isEqualTo("small must be at least -2147483648");
        assertThat(catchThrowableOfType(ApiError.class, () -> body.integer("half")).getMessage())
                .isEqualTo("half must be a whole number");
        assertThat(catchThrowableOfType(ApiError.class, () -> body.longValue("huge")).getMessage())
                .isEqualTo("huge must be at most 9223372036854775807");
        assertThat(body.integer("two")).contains(2);
        assertThat(body.integer("thousand")).contains(1000);
        assertThat(body.longValue("big")).contains(2147483648L);
    }

    @Test
    void anEmptyBodyReadsAsAnEmptyObject() {
        assertThat(JsonBody.parse(" \r\n\t".getBytes(StandardCharsets.UTF_8)).raw()).isEmpty();
        assertThat(JsonBody.parse(new byte[0]).raw()).isEmpty();
        assertThat(JsonBody.parse("  ").raw()).isEmpty();
    }

    @Test
    void aBodyMustBeAnObject() {
        assertThat(rejection("[1, 2]").code()).isEqualTo("invalid_request");
        assertThat(rejection("\"text\"").getMessage()).isEqualTo("Request body must be a JSON object");
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedJson() {
        byte[] latin1 = "{\"city\": \"Zürich\"}".getBytes(StandardCharsets.ISO_8859_1);

        ApiError error = catchThrowableOfType(ApiError.class, () -> JsonBody.parse(latin1));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("invalid_json");
        assertThat(JsonBody.parse(new String(latin1, StandardCharsets.ISO_8859_1)).string("city")).contains("Zürich");
    }

    @Test
    void anEscapedHalfOfASurrogatePairIsRefusedByNameAndAWholePairIsKept() {
        ApiError error = rejection("{\"metadata\": {\"note\": \"cut \\ud83d\"}}");

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.getMessage()).startsWith("Request body at metadata.note: ").contains("surrogate");
        assertThat(JsonBody.parse("{\"note\": \"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8))
                .string("note")).contains(Character.toString(0x1F600));
    }

    @Test
    void readNamesTheSourceInItsErrors() {
        assertThatThrownBy(() -> JsonBody.read("{\"a\": 1e5000}", "Line 7")).hasMessageStartingWith("Line 7 ");
        assertThat(JsonBody.read("[1, {\"a\": 2.50}]", "Line 1")).isEqualTo(List.of(1, Map.of("a",
                new BigDecimal("2.50"))));
    }

    @Test
    void decimalsGoOutInPlainDigitsUnlessTooLargeToWriteSo() throws Exception {
        var mapper = JsonMapperFactory.create();

        assertThat(mapper.writeValueAsString(Map.of("a", new BigDecimal("2.5E-7")))).isEqualTo("{\"a\":0.00000025}");
        assertThat(mapper.writeValueAsString(Map.of("a", new BigDecimal("1E+999999"))))
                .isEqualTo("{\"a\":1E+999999}");
    }
}
