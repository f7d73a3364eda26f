package io.olyx.domain.keys;

import java.util.Objects;
import java.util.regex.Pattern;

/** The public half of an API key, {@code ak_<16 hex>}; safe to log and show. */
public record ApiKeyId(String value) {
    private static final Pattern FORMAT = Pattern.compile("ak_[0-9a-f]{16}");

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("malformed API key id");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
