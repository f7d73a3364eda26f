package io.olyx.domain.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Finds where something sits in a JSON-shaped value (maps, lists and leaves), to name it in an error. */
public final class JsonPaths {
    private JsonPaths() {
    }

    /**
     * The path of the first leaf or object key (depth first) that {@code wanted} accepts, such as
     * {@code metadata.scores[2]}; {@code prefix} names the value itself.
     */
    public static Optional<String> first(Object value, String prefix, Predicate<Object> wanted) {
        return Optional.ofNullable(find(value, wanted)).map(below -> under(prefix, below));
    }

    /** How a path names an object's member: {@code .name}. */
    public static String member(Object name) {
        return "." + name;
    }

    /** How a path names an array's element: {@code [index]}. */
    public static String element(int index) {
        return "[" + index + "]";
    }

    /** A path found below {@code prefix}, without a leading dot when there is no prefix ({@code a.b[1]}). */
    public static String under(String prefix, String below) {
        return prefix.isEmpty() && below.startsWith(".") ? below.substring(1) : prefix + below;
    }

    /**
     * The path below {@code value} ("" for the value itself) or null. Every request body is walked this way, so the
     * path is only spelled out on the way back from a find.
     */
    private static String find(Object value, Predicate<Object> wanted) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String below = wanted.test(entry.getKey()) ? "" : find(entry.getValue(), wanted);
                if (below != null) {
                    return member(entry.getKey()) + below;
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String below = find(list.get(i), wanted);
                if (below != null) {
                    return element(i) + below;
                }
            }
            return null;
        }
        return wanted.test(value) ? "" : null;
    }
}
