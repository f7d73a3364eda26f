package io.olyx.domain.gateway;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.ChatOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed, validating reads of one JSON object of a gateway or skill document. A JSON null reads as absent (the seed
 * marks most fields nullable); a wrong type is an {@link InvalidInput} naming the full path of the field.
 */
final class JsonFields {
    private final Map<String, Object> fields;
    private final String path;

    JsonFields(Map<String, Object> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    Optional<String> string(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw wrong(field, "a string");
    }

    Optional<String> text(String field) {
        return string(field).filter(s -> !s.isBlank());
    }

    /** A reasoning-effort level ("low", "high", ...) as chat options accept it. */
    Optional<String> reasoningEffort(String field) {
        Optional<String> effort = text(field);
        try {
            effort.ifPresent(ChatOptions.DEFAULTS::withReasoningEffort);
        } catch (InvalidInput e) {
            throw new InvalidInput(name(field), name(field) + " must be one of " + ChatOptions.REASONING_EFFORTS_TEXT);
        }
        return effort;
    }

    String requireText(String field) {
        return text(field).orElseThrow(() -> new InvalidInput(name(field), name(field) + " is required"));
    }

    boolean flag(String field, boolean fallback) {
        Object value = fields.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrong(field, "true or false");
    }

    Optional<BigDecimal> number(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(JsonValues.decimal(value).orElseThrow(() -> wrong(field, "a number")));
    }

    OptionalInt wholeNumber(String field) {
        Optional<BigDecimal> value = number(field);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        JsonValues.wholeNumberProblem(value.get(), Integer.MIN_VALUE, Integer.MAX_VALUE).ifPresent(problem -> {
            throw wrong(field, problem);
        });
        return OptionalInt.of(value.get().intValueExact());
    }

    /** A whole number outside the field's range is told that range, however far out (not the int bounds). */
    int wholeNumber(String field, int fallback, int min, int max) {
        Optional<BigDecimal> value = number(field);
        boolean outside = value.isPresent() && JsonValues.isWholeNumber(value.get())
                && JsonValues.wholeNumberProblem(value.get(), min, max).isPresent();
        InvalidInput.require(!outside, name(field), name(field) + " must be between " + min + " and " + max);
        return wholeNumber(field).orElse(fallback);
    }

    List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        List<Object> items = list(field);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String s)) {
                throw new InvalidInput(name(field), name(field) + "[" + i + "] must be a string");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw wrong(field, "an array");
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> object(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of((Map<String, Object>) map);
        }
        throw wrong(field, "a JSON object");
    }

    JsonFields child(String field) {
        return new JsonFields(object(field).orElse(Map.of()), name(field));
    }

    /** The objects of an array, each with its indexed path (e.g. parameters.protocolFunctions[2]). */
    @SuppressWarnings("unchecked")
    List<JsonFields> objects(String field) {
        List<JsonFields> out = new ArrayList<>();
        List<Object> items = list(field);
        for (int i = 0; i < items.size(); i++) {
            String at = name(field) + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw new InvalidInput(at, at + " must be a JSON object");
            }
            out.add(new JsonFields((Map<String, Object>) map, at));
        }
        return out;
    }

    /** A string-to-string map such as HTTP headers. */
    Map<String, String> stringMap(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(field).orElse(Map.of()).entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new InvalidInput(name(field), name(field) + "." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), s);
        }
        return Map.copyOf(out);
    }

    <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
        Optional<String> value = text(field);
        if (value.isEmpty()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(value.get())) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.toString());
        }
        throw new InvalidInput(name(field), name(field) + " must be one of " + String.join(", ", allowed));
    }

    private InvalidInput wrong(String field, String expected) {
        return new InvalidInput(name(field), name(field) + " must be " + expected);
    }
}
