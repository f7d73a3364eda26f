package io.olyx.domain.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemaSubsetTest {
    static final Map<String, Object> WEATHER = Map.of("type", "object",
            "properties", Map.of(
                    "city", Map.of("type", "string", "minLength", 2, "maxLength", 5),
                    "unit", Map.of("enum", List.of("c", "f")),
                    "days", Map.of("type", "integer", "minimum", 1, "exclusiveMaximum", 8),
                    "tags", Map.of("type", "array", "items", Map.of("type", "string"), "maxItems", 2)),
            "required", List.of("city"),
            "additionalProperties", false);

    @Test
    void acceptsValidArguments() {
        assertThat(JsonSchemaSubset.violations(Map.of("city", "Paris", "unit", "c", "days", 7,
                "tags", List.of("a")), WEATHER)).isEmpty();
    }

    @Test
    void reportsEachKindOfViolationWithItsPointer() {
        assertThat(JsonSchemaSubset.violations(Map.of("unit", "k"), WEATHER))
                .containsExactlyInAnyOrder("/: missing required property \"city\"", "/unit: must be one of [c, f]");
        assertThat(JsonSchemaSubset.violations(Map.of("city", 3), WEATHER))
                .containsExactly("/city: expected string but got number");
        assertThat(JsonSchemaSubset.violations(Map.of("city", "P"), WEATHER)).hasSize(1);
        assertThat(JsonSchemaSubset.violations(Map.of("city", "Amsterdam"), WEATHER)).hasSize(1);
        assertThat(JsonSchemaSubset.violations(Map.of("city", "Rome", "days", 8), WEATHER))
                .containsExactly("/days: must be < 8");
        assertThat(JsonSchemaSubset.violations(Map.of("city", "Rome", "days", 0), WEATHER))
                .containsExactly("/days: must be ≥ 1");
        assertThat(JsonSchemaSubset.violations(Map.of("city", "Rome", "days", 2.5), WEATHER))
                .containsExactly("/days: expected integer but got number");
        assertThat(JsonSchemaSubset.violations(Map.of("city", "Rome", "tags", List.of("a", 1, "c")), WEATHER))
                .containsExactlyInAnyOrder("/tags/1: expected string but got number", "/tags: allows at most 2 items");
        assertThat(JsonSchemaSubset.violations(Map.of("city", "Rome", "extra", true), WEATHER))
                .containsExactly("/: unexpected property \"extra\"");
    }

    @Test
    void integralDecimalsAreIntegers() {
        Map<String, Object> schema = Map.of("type", "integer");

        assertThat(JsonSchemaSubset.isValid(3.0, schema)).isTrue();
        assertThat(JsonSchemaSubset.isValid(new BigDecimal("4.00"), schema)).isTrue();
        assertThat(JsonSchemaSubset.isValid(new BigDecimal("4.01"), schema)).isFalse();
    }

    @Test
    void typeListsAndNullableAnyOf() {
        assertThat(JsonSchemaSubset.isValid(null, Map.of("type", List.of("string", "null")))).isTrue();
        Map<String, Object> nullable = Map.of("anyOf", List.of(Map.of("type", "string"), Map.of("type", "null")));
        assertThat(JsonSchemaSubset.isValid(null, nullable)).isTrue();
        assertThat(JsonSchemaSubset.isValid(5, nullable)).isFalse();
    }

    @Test
    void oneOfNeedsExactlyOneMatch() {
        Map<String, Object> schema = Map.of("oneOf", List.of(Map.of("type", "number"), Map.of("type", "integer")));

        assertThat(JsonSchemaSubset.isValid(1.5, schema)).isTrue();
        assertThat(JsonSchemaSubset.isValid(2, schema)).isFalse();
    }

    @Test
    void additionalPropertiesSchemaAppliesToUndeclaredMembers() {
        Map<String, Object> schema = Map.of("type", "object", "additionalProperties", Map.of("type", "number"));

        assertThat(JsonSchemaSubset.isValid(Map.of("a", 1, "b", 2.5), schema)).isTrue();
        assertThat(JsonSchemaSubset.isValid(Map.of("a", "x"), schema)).isFalse();
    }

    @Test
    void booleanSchemasAndUnsupportedKeywords() {
        assertThat(JsonSchemaSubset.isValid("anything", true)).isTrue();
        assertThat(JsonSchemaSubset.isValid("anything", false)).isFalse();
        assertThat(JsonSchemaSubset.isValid("abc", Map.of("pattern", "^[0-9]+$", "format", "email"))).isTrue();
    }

    @Test
    void enumAndConstCompareNumbersByValue() {
        assertThat(JsonSchemaSubset.isValid(2.0, Map.of("enum", List.of(1, 2)))).isTrue();
        assertThat(JsonSchemaSubset.isValid(Map.of("a", 1), Map.of("const", Map.of("a", 1.0)))).isTrue();
    }
}
