package io.olyx.adapter.providers.gemini;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini's function parameters accept an OpenAPI-style subset of JSON Schema and refuse unknown keywords
 * ($schema, additionalProperties, $ref, ...) with a 400. Tool schemas written for OpenAI or MCP are cut down to
 * that subset; a JSON-Schema type list like ["string","null"] becomes the type plus nullable.
 */
final class GeminiSchemas {
    private static final Set<String> KEPT = Set.of("type", "format", "title", "description", "nullable", "enum",
            "maxItems", "minItems", "properties", "required", "minProperties", "maxProperties", "minLength",
            "maxLength", "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum", "maximum");

    private GeminiSchemas() {
    }

    static Map<String, Object> sanitize(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : schema.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (!KEPT.contains(key)) {
                continue;
            }
            switch (key) {
                case "type" -> type(value, out);
                case "properties" -> {
                    if (value instanceof Map<?, ?> properties) {
                        Map<String, Object> cleaned = new LinkedHashMap<>();
                        properties.forEach((name, sub) -> cleaned.put((String) name, sub(sub)));
                        out.put(key, cleaned);
                    }
                }
                case "items" -> out.put(key, sub(value));
                case "anyOf" -> {
                    if (value instanceof List<?> options) {
                        List<Object> cleaned = new ArrayList<>();
                        options.forEach(o -> cleaned.add(sub(o)));
                        out.put(key, cleaned);
                    }
                }
                default -> out.put(key, value);
            }
        }
        return out;
    }

    private static void type(Object value, Map<String, Object> out) {
        if (value instanceof List<?> types) {
            types.stream().filter(t -> !"null".equals(t)).findFirst().ifPresent(t -> out.put("type", t));
            if (types.contains("null")) {
                out.put("nullable", true);
            }
        } else if (value != null) {
            out.put("type", value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sub(Object value) {
        return value instanceof Map<?, ?> map ? sanitize((Map<String, Object>) map) : value;
    }
}
