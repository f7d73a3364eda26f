package io.olyx.domain.common;

import java.util.Optional;

/**
 * The strings Olyx accepts in JSON it is sent: well-formed UTF-16, so that they can be stored and sent on as UTF-8.
 * A JSON escape can spell half of a surrogate pair on its own (U+D800, say); written as UTF-8 that half would become
 * {@code ?}, so the stored text would differ from what the client sent.
 */
public final class JsonStrings {
    private JsonStrings() {
    }

    /** Where the first string or key holding an unpaired surrogate sits, as {@link JsonPaths#first} names it. */
    public static Optional<String> firstUnpairedSurrogate(Object value, String prefix) {
        return JsonPaths.first(value, prefix, v -> v instanceof String s && hasUnpairedSurrogate(s));
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
