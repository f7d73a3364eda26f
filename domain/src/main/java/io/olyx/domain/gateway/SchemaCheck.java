package io.olyx.domain.gateway;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a model's function arguments against the function's JSON schema before Olyx sends them anywhere: the
 * common subset of JSON Schema (type, properties, required, additionalProperties: false, enum, items, string
 * lengths, numeric bounds). Keywords outside it are ignored, never guessed at. Problems are written for the model,
 * which gets them back as the tool result and can try again.
 */
public final class SchemaCheck {
    private static final int MAX_PROBLEMS = 10;

    private SchemaCheck() {
    }

    public static List<String> problems(Object value, Map<String, Object> schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    }

    private static void check(Object value, Map<String, Object> schema, String path, List<String> problems) {
        Object type = schema.get("type");
        if (type instanceof String t && !JsonValues.hasSchemaType(value, t)) {
            problems.add(path + " must be " + article(t));
            return;
        }
        if (type instanceof List<?> types && types.stream().noneMatch(t -> t instanceof String s && JsonValues.hasSchemaType(value, s))) {
            problems.add(path + " must be one of the types " + types);
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && allowed.stream().noneMatch(a -> same(a, value))) {
            problems.add(path + " must be one of " + allowed);
        }
        switch (value) {
            case Map<?, ?> object -> checkObject(object, schema, path, problems);
            case List<?> list -> checkItems(list, schema, path, problems);
            case String s -> checkLength(s, schema, path, problems);
            case null, default -> checkBounds(value, schema, path, problems);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkObject(Map<?, ?> object, Map<String, Object> schema, String path,
                                    List<String> problems) {
        Map<String, Object> properties = JsonValues.object(schema, "properties").orElse(Map.of());
        if (schema.get("required") instanceof List<?> required) {
            required.stream().filter(r -> !object.containsKey(r))
                    .forEach(r -> problems.add(path + "." + r + " is required"));
        }
        for (Map.Entry<?, ?> e : object.entrySet()) {
            Object propertySchema = properties.get(String.valueOf(e.getKey()));
            if (propertySchema instanceof Map<?, ?> ps) {
                check(e.getValue(), (Map<String, Object>) ps, path + "." + e.getKey(), problems);
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                problems.add(path + "." + e.getKey() + " is not an allowed property");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkItems(List<?> list, Map<String, Object> schema, String path, List<String> problems) {
        if (schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), (Map<String, Object>) items, path + "[" + i + "]", problems);
            }
        }
    }

    private static void checkLength(String s, Map<String, Object> schema, String path, List<String> problems) {
        JsonValues.number(schema, "minLength").filter(min -> Characters.count(s) < min.intValue())
                .ifPresent(min -> problems.add(path + " must be at least " + min + " characters"));
        JsonValues.number(schema, "maxLength").filter(max -> Characters.count(s) > max.intValue())
                .ifPresent(max -> problems.add(path + " must be at most " + max + " characters"));
    }

    private static void checkBounds(Object value, Map<String, Object> schema, String path, List<String> problems) {
        JsonValues.decimal(value).ifPresent(n -> {
            JsonValues.number(schema, "minimum").filter(min -> n.compareTo(min) < 0)
                    .ifPresent(min -> problems.add(path + " must be at least " + min.toPlainString()));
            JsonValues.number(schema, "maximum").filter(max -> n.compareTo(max) > 0)
                    .ifPresent(max -> problems.add(path + " must be at most " + max.toPlainString()));
        });
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return JsonValues.decimal(a).flatMap(x -> JsonValues.decimal(b).map(y -> x.compareTo(y) == 0))
                    .orElse(false);
        }
        return a == null ? b == null : a.equals(b);
    }

    private static String article(String type) {
        return (type.startsWith("a") || type.startsWith("o") || type.startsWith("i") ? "an " : "a ") + type;
    }
}
