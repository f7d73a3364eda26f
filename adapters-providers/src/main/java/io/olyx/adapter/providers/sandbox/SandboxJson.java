package io.olyx.adapter.providers.sandbox;

import io.olyx.domain.llm.JsonText;
import io.olyx.domain.llm.ResponseFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's answer when JSON is asked for: {@code {"answer": text}} for any JSON object, and for a schema the
 * simplest instance of it (every string holding the text, first enum values, minimums, one item in each array
 * whose items are described), so a client's parsing code runs against the sandbox as against a real model.
 */
final class SandboxJson {
    private static final int MAX_DEPTH = 16;

    private SandboxJson() {
    }

    static String answer(String text, ResponseFormat format) {
        return switch (format) {
            case ResponseFormat.Text t -> text;
            case ResponseFormat.JsonObject j -> JsonText.write(Map.of("answer", text));
            case ResponseFormat.JsonSchema s -> JsonText.write(instance(s.schema(), text, 0));
        };
    }

    private static Object instance(Object schemaValue, String text, int depth) {
        if (!(schemaValue instanceof Map<?, ?> schema) || depth > MAX_DEPTH) {
            return text;
        }
        if (schema.containsKey("const")) {
            return schema.get("const");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.getFirst();
        }
        for (String choice : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.get(choice) instanceof List<?> options && !options.isEmpty()) {
                return instance(options.getFirst(), text, depth + 1);
            }
        }
        return switch (type(schema)) {
            case "object" -> object(schema, text, depth);
            case "array" -> {
                List<Object> items = new ArrayList<>();
                if (schema.containsKey("items")) {
                    items.add(instance(schema.get("items"), text, depth + 1));
                }
                yield items;
            }
            case "integer" -> schema.get("minimum") instanceof Number n ? (Object) (long) Math.ceil(n.doubleValue())
                    : (Object) 0L;
            case "number" -> schema.get("minimum") instanceof Number n ? n : 0L;
            case "boolean" -> false;
            case "null" -> null;
            default -> text;
        };
    }

    private static Map<String, Object> object(Map<?, ?> schema, String text, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> out.put(String.valueOf(name), instance(property, text, depth + 1)));
        }
        return out;
    }

    /** The declared type (the first that is not "null" of a list); objects and arrays are known by their keywords. */
    private static String type(Map<?, ?> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().filter(t -> !"null".equals(t)).findFirst().map(Object.class::cast).orElse("null");
        }
        if (type instanceof String named) {
            return named;
        }
        return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "string";
    }
}
