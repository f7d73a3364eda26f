package io.olyx.domain.grading;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.CanonicalJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a JSON value against the part of JSON Schema that tool declarations use in practice. Supported keywords:
 * boolean schemas; {@code type} (a name or a list of names: object, array, string, number, integer, boolean,
 * null; an integer is any number without a fractional part); {@code enum}, {@code const}; {@code properties},
 * {@code required}, {@code additionalProperties} (false or a schema); {@code items} (a schema for every element or,
 * in the older tuple form, a list of positional schemas), {@code minItems}, {@code maxItems}; {@code minimum},
 * {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (numeric forms); {@code minLength},
 * {@code maxLength} (counted in code points); {@code allOf}, {@code anyOf}, {@code oneOf}. Every other keyword
 * ({@code $ref}, {@code pattern}, {@code format}, ...) is ignored, so an unsupported constraint never fails a call.
 * Nesting deeper than {@value #MAX_DEPTH} levels is not inspected.
 */
public final class JsonSchemaSubset {
    private static final int MAX_DEPTH = 32;

    private JsonSchemaSubset() {
    }

    /** Human-readable violations, each prefixed by the JSON Pointer of the offending value; empty when valid. */
    public static List<String> violations(Object value, Object schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "", 0, out);
        return out;
    }

    public static boolean isValid(Object value, Object schema) {
        return violations(value, schema).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void check(Object value, Object schema, String path, int depth, List<String> out) {
        if (depth > MAX_DEPTH || Boolean.TRUE.equals(schema) || !(schema instanceof Map<?, ?>)) {
            if (Boolean.FALSE.equals(schema)) {
                out.add(at(path) + "no value is allowed here");
            }
            return;
        }
        Map<String, Object> s = (Map<String, Object>) schema;
        checkType(value, s.get("type"), path, out);
        checkEnumAndConst(value, s, path, out);
        if (value instanceof Map<?, ?> object) {
            checkObject((Map<String, Object>) object, s, path, depth, out);
        } else if (value instanceof List<?> array) {
            checkArray(array, s, path, depth, out);
        } else if (value instanceof String text) {
            checkString(text, s, path, out);
        } else {
            JsonValues.decimal(value).ifPresent(number -> checkNumber(number, s, path, out));
        }
        checkCombinators(value, s, path, depth, out);
    }

    private static void checkType(Object value, Object type, String path, List<String> out) {
        List<?> allowed = type instanceof String t ? List.of(t) : type instanceof List<?> l ? l : List.of();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(t -> JsonValues.hasSchemaType(value, String.valueOf(t)))) {
            out.add(at(path) + "expected " + String.join(" or ", allowed.stream().map(String::valueOf).toList())
                    + " but got " + typeName(value));
        }
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "number";
    }

    private static void checkEnumAndConst(Object value, Map<String, Object> s, String path, List<String> out) {
        if (s.get("enum") instanceof List<?> options && options.stream().noneMatch(o -> sameJson(o, value))) {
            out.add(at(path) + "must be one of " + options);
        }
        if (s.containsKey("const") && !sameJson(s.get("const"), value)) {
            out.add(at(path) + "must be " + s.get("const"));
        }
    }

    private static boolean sameJson(Object a, Object b) {
        return CanonicalJson.byValue(a).equals(CanonicalJson.byValue(b));
    }

    private static void checkObject(Map<String, Object> object, Map<String, Object> s, String path, int depth,
                                    List<String> out) {
        Map<String, Object> properties = JsonValues.object(s, "properties").orElse(Map.of());
        if (s.get("required") instanceof List<?> required) {
            required.stream().map(String::valueOf).filter(name -> !object.containsKey(name))
                    .forEach(name -> out.add(at(path) + "missing required property \"" + name + "\""));
        }
        Object additional = s.get("additionalProperties");
        object.forEach((name, member) -> {
            String memberPath = path + "/" + name.replace("~", "~0").replace("/", "~1");
            if (properties.containsKey(name)) {
                check(member, properties.get(name), memberPath, depth + 1, out);
            } else if (Boolean.FALSE.equals(additional)) {
                out.add(at(path) + "unexpected property \"" + name + "\"");
            } else if (additional instanceof Map<?, ?>) {
                check(member, additional, memberPath, depth + 1, out);
            }
        });
    }

    private static void checkArray(List<?> array, Map<String, Object> s, String path, int depth, List<String> out) {
        Object items = s.get("items");
        for (int i = 0; i < array.size(); i++) {
            Object itemSchema = items instanceof List<?> tuple ? (i < tuple.size() ? tuple.get(i) : true) : items;
            if (itemSchema != null) {
                check(array.get(i), itemSchema, path + "/" + i, depth + 1, out);
            }
        }
        bound(s, "minItems").filter(min -> array.size() < min.doubleValue())
                .ifPresent(min -> out.add(at(path) + "needs at least " + min.toPlainString() + " items"));
        bound(s, "maxItems").filter(max -> array.size() > max.doubleValue())
                .ifPresent(max -> out.add(at(path) + "allows at most " + max.toPlainString() + " items"));
    }

    private static void checkString(String text, Map<String, Object> s, String path, List<String> out) {
        int length = Characters.count(text);
        bound(s, "minLength").filter(min -> length < min.doubleValue())
                .ifPresent(min -> out.add(at(path) + "must be at least " + min.toPlainString() + " characters"));
        bound(s, "maxLength").filter(max -> length > max.doubleValue())
                .ifPresent(max -> out.add(at(path) + "must be at most " + max.toPlainString() + " characters"));
    }

    private static void checkNumber(BigDecimal number, Map<String, Object> s, String path, List<String> out) {
        bound(s, "minimum").filter(min -> number.compareTo(min) < 0)
                .ifPresent(min -> out.add(at(path) + "must be ≥ " + min.toPlainString()));
        bound(s, "maximum").filter(max -> number.compareTo(max) > 0)
                .ifPresent(max -> out.add(at(path) + "must be ≤ " + max.toPlainString()));
        bound(s, "exclusiveMinimum").filter(min -> number.compareTo(min) <= 0)
                .ifPresent(min -> out.add(at(path) + "must be > " + min.toPlainString()));
        bound(s, "exclusiveMaximum").filter(max -> number.compareTo(max) >= 0)
                .ifPresent(max -> out.add(at(path) + "must be < " + max.toPlainString()));
    }

    private static void checkCombinators(Object value, Map<String, Object> s, String path, int depth,
                                         List<String> out) {
        if (s.get("allOf") instanceof List<?> all) {
            all.forEach(sub -> check(value, sub, path, depth + 1, out));
        }
        if (s.get("anyOf") instanceof List<?> any && !any.isEmpty()
                && any.stream().noneMatch(sub -> matches(value, sub, depth))) {
            out.add(at(path) + "matches none of the anyOf schemas");
        }
        if (s.get("oneOf") instanceof List<?> one && !one.isEmpty()
                && one.stream().filter(sub -> matches(value, sub, depth)).count() != 1) {
            out.add(at(path) + "must match exactly one of the oneOf schemas");
        }
    }

    private static boolean matches(Object value, Object schema, int depth) {
        List<String> scratch = new ArrayList<>();
        check(value, schema, "", depth + 1, scratch);
        return scratch.isEmpty();
    }

    private static Optional<BigDecimal> bound(Map<String, Object> s, String keyword) {
        return JsonValues.number(s, keyword);
    }

    private static String at(String path) {
        return (path.isEmpty() ? "/" : path) + ": ";
    }
}
