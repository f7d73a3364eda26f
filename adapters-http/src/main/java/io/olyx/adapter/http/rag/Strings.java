package io.olyx.adapter.http.rag;

import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.JsonBody;
import java.util.List;
import java.util.Optional;

/** Arrays of strings in request bodies (terms, collections, tags), each element checked. */
final class Strings {
    private Strings() {
    }

    /** The array under {@code field}; absent or null reads as empty. */
    static List<String> list(JsonBody body, String field) {
        return optionalList(body, field).orElse(List.of());
    }

    static Optional<List<String>> optionalList(JsonBody body, String field) {
        return body.array(field).map(values -> {
            for (Object v : values) {
                if (!(v instanceof String)) {
                    throw ApiError.invalid(field + " must be an array of strings");
                }
            }
            return values.stream().map(String.class::cast).toList();
        });
    }
}
