package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseFormatTest {
    private static final Map<String, Object> SCHEMA = Map.of("type", "object",
            "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city"));

    @Test
    void readsOpenAisThreeFormats() {
        assertThat(ResponseFormat.parse(null)).contains(ResponseFormat.TEXT);
        assertThat(ResponseFormat.parse(Map.of("type", "text"))).contains(ResponseFormat.TEXT);
        assertThat(ResponseFormat.parse(Map.of("type", "json_object"))).contains(ResponseFormat.JSON_OBJECT);
        assertThat(ResponseFormat.parse(Map.of("type", "json_schema", "json_schema",
                Map.of("name", "place", "schema", SCHEMA, "strict", true))))
                .contains(new ResponseFormat.JsonSchema("place", SCHEMA, true));
        assertThat(ResponseFormat.parse(Map.of("type", "json_schema", "json_schema",
                Map.of("name", "place", "schema", SCHEMA)))).contains(new ResponseFormat.JsonSchema("place", SCHEMA,
                false));
    }

    @Test
    void anythingElseIsNotAFormat() {
        assertThat(ResponseFormat.parse("json_object")).isEmpty();
        assertThat(ResponseFormat.parse(Map.of("type", "xml"))).isEmpty();
        assertThat(ResponseFormat.parse(Map.of("type", "json_schema"))).isEmpty();
        assertThat(ResponseFormat.parse(Map.of("type", "json_schema", "json_schema", Map.of("schema", SCHEMA))))
                .isEmpty();
        assertThat(ResponseFormat.parse(Map.of("type", "json_schema", "json_schema",
                Map.of("name", "has spaces", "schema", SCHEMA)))).isEmpty();
        assertThat(ResponseFormat.parse(Map.of("type", "json_schema", "json_schema",
                Map.of("name", "place", "schema", "object")))).isEmpty();
        assertThat(ResponseFormat.parse(Map.of("type", "json_schema", "json_schema",
                Map.of("name", "place", "schema", SCHEMA, "strict", "yes")))).isEmpty();
    }

    @Test
    void providersWithoutAJsonModeAreToldInWords() {
        assertThat(ResponseFormat.TEXT.instruction()).isEmpty();
        assertThat(ResponseFormat.JSON_OBJECT.instruction()).hasValueSatisfying(i -> assertThat(i)
                .contains("single JSON object"));
        assertThat(new ResponseFormat.JsonSchema("place", SCHEMA, true).instruction()).hasValueSatisfying(i ->
                assertThat(i).contains("\"place\"").contains("{\"city\":{\"type\":\"string\"}}")
                        .contains("\"required\":[\"city\"]"));
    }
}
