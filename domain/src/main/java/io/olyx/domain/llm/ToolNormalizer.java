package io.olyx.domain.llm;

import io.olyx.domain.common.JsonValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads tool definitions in any of the three shapes clients send, given as parsed JSON (Map / List / String /
 * Number / Boolean):
 * <ul>
 *   <li>OpenAI function format {@code {"type":"function","function":{"name","description","parameters"}}}</li>
 *   <li>MCP {@code {"name","description","inputSchema"}} (Anthropic's {@code input_schema} too)</li>
 *   <li>a flat hash {@code {"name","description","parameters"}}, or one keyed by tool name
 *       {@code {"get_weather": {"description", "parameters"}}}</li>
 * </ul>
 * The input may be a list of such tools, one tool, or a name-keyed hash. Parameters may be a full JSON schema or,
 * as people often write in flat hashes, just the properties map; both become a schema of type object.
 * Bad input is a {@link ToolNormalization.Rejected} naming the offending path, never an exception.
 */
public final class ToolNormalizer {
    private static final String EXPECTED_SHAPES = "expected OpenAI {\"type\":\"function\",\"function\":{...}}, "
            + "MCP {\"name\",\"inputSchema\"} or {\"name\",\"description\",\"parameters\"}";

    private ToolNormalizer() {
    }

    public static ToolNormalization normalize(Object tools) {
        List<ToolDefinition> out = new ArrayList<>();
        Problem problem;
        if (tools == null) {
            problem = null;
        } else if (tools instanceof List<?> list) {
            problem = null;
            for (int i = 0; i < list.size() && problem == null; i++) {
                problem = readTool(list.get(i), "tools[" + i + "]", out);
            }
        } else if (tools instanceof Map<?, ?>) {
            problem = readTool(tools, "tools", out);
        } else {
            problem = new Problem("tools", "tools must be an array of tool definitions or an object");
        }
        if (problem != null) {
            return new ToolNormalization.Rejected(problem.path, problem.message);
        }
        Set<String> seen = new HashSet<>();
        for (ToolDefinition tool : out) {
            if (!seen.add(tool.name())) {
                return new ToolNormalization.Rejected("tools", "tool name '" + tool.name() + "' is defined twice");
            }
        }
        return new ToolNormalization.Normalized(out);
    }

    private record Problem(String path, String message) {
    }

    private static Problem readTool(Object raw, String path, List<ToolDefinition> out) {
        if (!(raw instanceof Map<?, ?> map)) {
            return new Problem(path, "each tool must be an object; " + EXPECTED_SHAPES);
        }
        Object type = map.get("type");
        if (map.get("function") instanceof Map<?, ?> function && (type == null || "function".equals(type))) {
            return readNamed(function, path + ".function", "parameters", out);
        }
        if (type != null && !"function".equals(type)) {
            return new Problem(path + ".type",
                    "unsupported tool type '" + type + "'; only function tools are supported");
        }
        if (map.containsKey("name")) {
            return readNamed(map, path, schemaKey(map), out);
        }
        if (!map.isEmpty() && map.values().stream().allMatch(Map.class::isInstance)) {
            return readKeyedHash(map, path, out);
        }
        return new Problem(path, "unrecognised tool definition; " + EXPECTED_SHAPES);
    }

    private static Problem readKeyedHash(Map<?, ?> map, String path, List<ToolDefinition> out) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Map<?, ?> spec = (Map<?, ?>) entry.getValue();
            Map<Object, Object> named = new LinkedHashMap<>(spec);
            named.put("name", entry.getKey());
            Problem problem = readNamed(named, path + "." + entry.getKey(), schemaKey(spec), out);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String schemaKey(Map<?, ?> map) {
        for (String key : List.of("parameters", "inputSchema", "input_schema", "schema")) {
            if (map.containsKey(key)) {
                return key;
            }
        }
        return "parameters";
    }

    private static Problem readNamed(Map<?, ?> map, String path, String schemaKey, List<ToolDefinition> out) {
        if (!(map.get("name") instanceof String name) || name.isBlank()) {
            return new Problem(path + ".name", "tool name is required and must be a string");
        }
        if (!ToolDefinition.NAME.matcher(name).matches()) {
            return new Problem(path + ".name", "tool name '" + name
                    + "' must be 1-64 characters of letters, digits, '_' or '-'");
        }
        Object description = map.get("description");
        if (description != null && !(description instanceof String)) {
            return new Problem(path + ".description", "tool description must be a string");
        }
        Object schema = schema(map.get(schemaKey));
        if (schema instanceof String message) {
            return new Problem(path + "." + schemaKey, message);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) schema;
        out.add(new ToolDefinition(name, (String) description, parameters));
        return null;
    }

    /** The schema as an object-typed map, or a String explaining why it is not one. */
    private static Object schema(Object raw) {
        if (raw == null) {
            return Map.of("type", "object", "properties", Map.of());
        }
        if (!(raw instanceof Map<?, ?> map)) {
            return "parameters must be a JSON schema object";
        }
        try {
            JsonValues.freezeObject(map);
        } catch (IllegalArgumentException e) {
            return "parameters must be plain JSON: " + e.getMessage();
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        map.forEach((k, v) -> schema.put((String) k, v));
        Object type = schema.get("type");
        if (type == null && !schema.containsKey("properties") && !schema.isEmpty()
                && schema.values().stream().allMatch(Map.class::isInstance)) {
            // a bare properties map: {"city": {"type": "string"}}
            return Map.of("type", "object", "properties", schema);
        }
        if (type == null) {
            schema.put("type", "object");
        } else if (!"object".equals(type)) {
            return "parameters must be a JSON schema of type object, not '" + type + "'";
        }
        if (schema.containsKey("properties") && !(schema.get("properties") instanceof Map)) {
            return "parameters.properties must be an object";
        }
        if (schema.containsKey("required") && !(schema.get("required") instanceof List<?> required
                && required.stream().allMatch(String.class::isInstance))) {
            return "parameters.required must be an array of property names";
        }
        schema.putIfAbsent("properties", Map.of());
        return schema;
    }
}
