package io.olyx.domain.keys;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A full API key as the client sends it: {@code ak_<key_id>.<secret>}. The id finds the key; only a hash of the
 * secret is stored. It exists in memory only while a key is created or a request is authenticated.
 */
public record RawApiKey(ApiKeyId id, String secret) {
    private static final Pattern SECRET = Pattern.compile("[0-9a-f]{64}");

    public RawApiKey {
        Objects.requireNonNull(id, "id");
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("malformed API key secret");
        }
    }

    public static Optional<RawApiKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = text.substring(0, dot);
        String secret = text.substring(dot + 1);
        if (!ApiKeyId.isWellFormed(id) || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new RawApiKey(new ApiKeyId(id), secret));
    }

    public String value() {
        return id.value() + "." + secret;
    }

    /** First 6 and last 4 characters (seed 001), enough to recognise a key in a UI, useless to an attacker. */
    public String masked() {
        String v = value();
        return v.substring(0, 6) + "..." + v.substring(v.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
