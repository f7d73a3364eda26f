package io.olyx.domain.llm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape the answer must take, as OpenAI's {@code response_format} spells it: free text, any JSON object, or
 * JSON matching a schema. Providers with a JSON mode get it in their own spelling; the others are told in the
 * system prompt ({@link #instruction()}).
 */
public sealed interface ResponseFormat {
    record Text() implements ResponseFormat {
    }

    record JsonObject() implements ResponseFormat {
    }

    /** @param name OpenAI's rule: 1-64 letters, digits, underscores or dashes */
    record JsonSchema(String name, Map<String, Object> schema, boolean strict) implements ResponseFormat {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

        public JsonSchema {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a JSON schema response format needs a name of 1-64 letters, "
                        + "digits, '_' or '-'");
            }
            // the caller's order is kept: models write the properties in the order the schema lists them
            schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
        }
    }

    ResponseFormat TEXT = new Text();
    ResponseFormat JSON_OBJECT = new JsonObject();

    /**
     * Reads OpenAI's spelling: absent or {"type":"text"}, {"type":"json_object"}, or {"type":"json_schema",
     * "json_schema":{"name":..., "schema":{...}, "strict":bool}}. Empty when it is none of these.
     */
    static Optional<ResponseFormat> parse(Object value) {
        if (value == null) {
            return Optional.of(TEXT);
        }
        if (!(value instanceof Map<?, ?> format) || !(format.get("type") instanceof String type)) {
            return Optional.empty();
        }
        return switch (type) {
            case "text" -> Optional.of(TEXT);
            case "json_object" -> Optional.of(JSON_OBJECT);
            case "json_schema" -> jsonSchema(format.get("json_schema"));
            default -> Optional.empty();
        };
    }

    private static Optional<ResponseFormat> jsonSchema(Object value) {
        if (!(value instanceof Map<?, ?> spec) || !(spec.get("name") instanceof String name)
                || !(spec.get("schema") instanceof Map<?, ?> schema)
                || !(spec.get("strict") == null || spec.get("strict") instanceof Boolean)) {
            return Optional.empty();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        schema.forEach((k, v) -> copy.put(String.valueOf(k), v));
        try {
            return Optional.of(new JsonSchema(name, copy, Boolean.TRUE.equals(spec.get("strict"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** OpenAI's spelling, as {@link #parse} reads it. */
    default Map<String, Object> toWire() {
        return switch (this) {
            case Text t -> Map.of("type", "text");
            case JsonObject j -> Map.of("type", "json_object");
            case JsonSchema s -> Map.of("type", "json_schema", "json_schema",
                    Map.of("name", s.name(), "schema", s.schema(), "strict", s.strict()));
        };
    }

    /** What a system prompt must say for providers without a JSON mode; empty for text. */
    default Optional<String> instruction() {
        return switch (this) {
            case Text t -> Optional.empty();
            case JsonObject j -> Optional.of("Answer with a single JSON object and nothing else: no prose, no code "
                    + "fences.");
            case JsonSchema s -> Optional.of("Answer with a single JSON object and nothing else: no prose, no code "
                    + "fences. It must conform to this JSON Schema (\"" + s.name() + "\"): "
                    + JsonText.write(s.schema()));
        };
    }
}
