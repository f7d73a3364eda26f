package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolNormalizerTest {
    private static final Map<String, Object> CITY_SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of("city", Map.of("type", "string")),
            "required", List.of("city"));

    private static List<ToolDefinition> normalized(Object input) {
        ToolNormalization result = ToolNormalizer.normalize(input);
        assertThat(result).isInstanceOf(ToolNormalization.Normalized.class);
        return ((ToolNormalization.Normalized) result).tools();
    }

    private static ToolNormalization.Rejected rejected(Object input) {
        ToolNormalization result = ToolNormalizer.normalize(input);
        assertThat(result).isInstanceOf(ToolNormalization.Rejected.class);
        return (ToolNormalization.Rejected) result;
    }

    @Test
    void readsTheOpenAiFunctionFormat() {
        List<ToolDefinition> tools = normalized(List.of(Map.of("type", "function", "function",
                Map.of("name", "get_weather", "description", "Get current weather for a city",
                        "parameters", CITY_SCHEMA))));

        assertThat(tools).containsExactly(
                new ToolDefinition("get_weather", "Get current weather for a city", CITY_SCHEMA));
    }

    @Test
    void readsMcpToolsWithInputSchema() {
        List<ToolDefinition> tools = normalized(List.of(
                Map.of("name", "search_docs", "description", "Search the docs", "inputSchema", CITY_SCHEMA),
                Map.of("name", "lookup", "input_schema", CITY_SCHEMA)));

        assertThat(tools).extracting(ToolDefinition::name).containsExactly("search_docs", "lookup");
        assertThat(tools.get(0).parameters()).isEqualTo(CITY_SCHEMA);
        assertThat(tools.get(1).description()).isEmpty();
    }

    @Test
    void readsAFlatHashWithNameDescriptionAndParameters() {
        List<ToolDefinition> tools = normalized(Map.of("name", "get_weather", "description", "Weather",
                "parameters", CITY_SCHEMA));

        assertThat(tools).containsExactly(new ToolDefinition("get_weather", "Weather", CITY_SCHEMA));
    }

    @Test
    void readsAHashKeyedByToolName() {
        List<ToolDefinition> tools = normalized(Map.of("get_weather",
                Map.of("description", "Weather", "parameters", CITY_SCHEMA)));

        assertThat(tools).containsExactly(new ToolDefinition("get_weather", "Weather", CITY_SCHEMA));
    }

    @Test
    void wrapsABarePropertiesMapIntoAnObjectSchema() {
        List<ToolDefinition> tools = normalized(List.of(Map.of("name", "get_weather",
                "parameters", Map.of("city", Map.of("type", "string")))));

        assertThat(tools.get(0).parameters()).isEqualTo(Map.of("type", "object",
                "properties", Map.of("city", Map.of("type", "string"))));
    }

    @Test
    void givesToolsWithoutParametersAnEmptyObjectSchema() {
        List<ToolDefinition> tools = normalized(List.of(Map.of("type", "function",
                "function", Map.of("name", "now"))));

        assertThat(tools.get(0).parameters()).isEqualTo(Map.of("type", "object", "properties", Map.of()));
    }

    @Test
    void acceptsNoToolsAtAll() {
        assertThat(normalized(null)).isEmpty();
        assertThat(normalized(List.of())).isEmpty();
    }

    @Test
    void rejectsAMissingNameWithThePathToIt() {
        ToolNormalization.Rejected r = rejected(List.of(CITY_TOOL(), Map.of("type", "function",
                "function", Map.of("description", "no name"))));

        assertThat(r.path()).isEqualTo("tools[1].function.name");
        assertThat(r.message()).contains("name is required");
    }

    @Test
    void rejectsNamesProvidersWouldRefuse() {
        assertThat(rejected(List.of(Map.of("name", "get weather!"))).message()).contains("letters, digits");
    }

    @Test
    void rejectsNonObjectSchemas() {
        ToolNormalization.Rejected r = rejected(List.of(Map.of("name", "t",
                "parameters", Map.of("type", "string"))));

        assertThat(r.path()).isEqualTo("tools[0].parameters");
        assertThat(r.message()).contains("type object");
    }

    @Test
    void rejectsScalarsAndUnknownShapes() {
        assertThat(rejected("get_weather").path()).isEqualTo("tools");
        assertThat(rejected(List.of(42)).path()).isEqualTo("tools[0]");
        assertThat(rejected(List.of(Map.of("description", "what am I"))).message())
                .contains("unrecognised tool definition");
    }

    @Test
    void rejectsBuiltInToolTypes() {
        assertThat(rejected(List.of(Map.of("type", "code_interpreter"))).message())
                .contains("unsupported tool type 'code_interpreter'");
    }

    @Test
    void rejectsDuplicateNames() {
        assertThat(rejected(List.of(CITY_TOOL(), CITY_TOOL())).message()).contains("defined twice");
    }

    @Test
    void rejectsARequiredListThatIsNotNames() {
        ToolNormalization.Rejected r = rejected(List.of(Map.of("name", "t",
                "parameters", Map.of("type", "object", "required", "city"))));

        assertThat(r.message()).contains("required");
    }

    private static Map<String, Object> CITY_TOOL() {
        return Map.of("type", "function", "function", Map.of("name", "get_weather", "parameters", CITY_SCHEMA));
    }
}
