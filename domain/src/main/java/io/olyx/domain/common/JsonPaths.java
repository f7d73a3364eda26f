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
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String path = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
                Optional<String> found = wanted.test(entry.getKey()) ? Optional.of(path)
                        : first(entry.getValue(), path, wanted);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<String> found = first(list.get(i), prefix + "[" + i + "]", wanted);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return wanted.test(value) ? Optional.of(prefix) : Optional.empty();
    }
}
