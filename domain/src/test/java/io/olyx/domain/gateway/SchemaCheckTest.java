package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("orderId"),
            "additionalProperties", false, "properties", Map.of(
                    "orderId", Map.of("type", "string", "minLength", 2),
                    "quantity", Map.of("type", "integer", "minimum", 1, "maximum", 10),
                    "channel", Map.of("enum", List.of("email", "sms")),
                    "tags", Map.of("type", "array", "items", Map.of("type", "string"))));

    @Test
    void validArgumentsHaveNoProblems() {
        assertThat(SchemaCheck.problems(Map.of("orderId", "A-17", "quantity", 3L, "channel", "sms",
                "tags", List.of("x")), SCHEMA)).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedWithItsPath() {
        assertThat(SchemaCheck.problems(Map.of("quantity", 2.5, "channel", "fax", "tags", List.of(1L), "extra", true),
                SCHEMA)).containsExactlyInAnyOrder("$.orderId is required", "$.quantity must be an integer",
                "$.channel must be one of [email, sms]", "$.tags[0] must be a string",
                "$.extra is not an allowed property");
        assertThat(SchemaCheck.problems(Map.of("orderId", "A", "quantity", 11L), SCHEMA))
                .containsExactlyInAnyOrder("$.orderId must be at least 2 characters", "$.quantity must be at most 10");
    }

    @Test
    void wholeNumbersWrittenAsDecimalsAreIntegers() {
        assertThat(SchemaCheck.problems(Map.of("orderId", "AB", "quantity", 4.0), SCHEMA)).isEmpty();
    }
}
