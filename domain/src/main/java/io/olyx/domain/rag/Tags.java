package io.olyx.domain.rag;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Tag lists of collections and documents: trimmed, non-empty, without repeats, in the order given. */
public final class Tags {
    public static final int MAX_TAGS = 100;
    public static final int MAX_LENGTH = 128;

    private Tags() {
    }

    /** "a, b,,c" → [a, b, c]. */
    public static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .toList();
    }

    static List<String> validated(List<String> tags, String field) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            InvalidInput.require(tag != null, field, field + " must not contain null");
            String t = tag.strip();
            InvalidInput.require(!t.isEmpty() && Characters.count(t) <= MAX_LENGTH, field,
                    field + " must be non-empty and at most " + MAX_LENGTH + " characters each");
            out.add(t);
        }
        InvalidInput.require(out.size() <= MAX_TAGS, field, field + " may hold at most " + MAX_TAGS + " tags");
        return List.copyOf(out);
    }
}
