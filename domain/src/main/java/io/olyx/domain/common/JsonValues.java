package io.olyx.domain.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON-shaped values as plain Java: {@code Map<String,Object>}, {@code List<Object>}, String, Boolean, numbers and
 * null. The domain passes free-form payloads (metadata, settings, log outputs) in this shape so it stays free of any
 * JSON library; these helpers make such trees immutable and read them safely.
 */
public final class JsonValues {
    /**
     * The most a free-form payload a caller attaches (trace metadata, a log's output, a document's metadata) may
     * be as compact JSON: each comes back whole wherever its record is read or listed, so each stays small.
     */
    public static final int MAX_ATTACHED_JSON_LENGTH = 64 * 1024;

    private JsonValues() {
    }

    /** A deep, unmodifiable copy; rejects anything that is not a JSON value. */
    public static Object freeze(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (isNumber(value)) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return freezeObject(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(freeze(item));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /**
     * The length in characters of the value written as compact JSON, so a caller can bound a free-form payload by
     * what it will cost to store and to send back, however it is nested.
     */
    public static long jsonLength(Object value) {
        if (value == null) {
            return 4;
        }
        if (value instanceof String s) {
            return quotedLength(s);
        }
        if (value instanceof Map<?, ?> map) {
            long length = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                length += quotedLength(String.valueOf(entry.getKey())) + 1 + jsonLength(entry.getValue());
            }
            return length;
        }
        if (value instanceof List<?> list) {
            long length = 2 + Math.max(0, list.size() - 1);
            for (Object item : list) {
                length += jsonLength(item);
            }
            return length;
        }
        return value.toString().length();
    }

    /** Refuses an attached payload (named {@code field}) of {@code jsonLength} characters as compact JSON. */
    public static void requireAttachedSize(String field, long jsonLength) {
        InvalidInput.require(jsonLength <= MAX_ATTACHED_JSON_LENGTH, field, field + " may be at most "
                + MAX_ATTACHED_JSON_LENGTH + " characters as JSON (got " + jsonLength + ")");
    }

    private static long quotedLength(String s) {
        long length = 2 + Characters.count(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                length += 1;
            } else if (c < 0x20) {
                length += 5;
            }
        }
        return length;
    }

    public static boolean isNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof Double || value instanceof Float || value instanceof BigDecimal
                || value instanceof BigInteger;
    }

    public static Map<String, Object> freezeObject(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings");
            }
            copy.put(key, freeze(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    public static Optional<String> string(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public static Optional<Boolean> bool(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    public static Optional<BigDecimal> number(Map<String, Object> parent, String key) {
        return decimal(parent.get(key));
    }

    public static Optional<BigDecimal> decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger i) {
            return Optional.of(new BigDecimal(i));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether a value is a number without a fraction: 2 and 2.0 are, 2.5 and "2" are not. */
    public static boolean isWholeNumber(Object value) {
        return decimal(value).filter(n -> n.signum() == 0 || n.stripTrailingZeros().scale() <= 0).isPresent();
    }

    /**
     * What keeps a number from being a whole number from {@code min} to {@code max}, worded to end a "must be ..."
     * message: "a whole number" for 1.5, "at most 2147483647" for 2147483648 (a whole number, only too large); empty
     * for one that fits, however it is written (2.0 and 1e3 are whole).
     */
    public static Optional<String> wholeNumberProblem(BigDecimal number, long min, long max) {
        if (!isWholeNumber(number)) {
            return Optional.of("a whole number");
        }
        if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
            return Optional.of("at most " + max);
        }
        return number.compareTo(BigDecimal.valueOf(min)) < 0 ? Optional.of("at least " + min) : Optional.empty();
    }

    /** Whether a value is of a JSON Schema {@code type}; a type this method does not know accepts anything. */
    public static boolean hasSchemaType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map<?, ?>;
            case "array" -> value instanceof List<?>;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            case "number" -> decimal(value).isPresent();
            case "integer" -> isWholeNumber(value);
            default -> true;
        };
    }
}
