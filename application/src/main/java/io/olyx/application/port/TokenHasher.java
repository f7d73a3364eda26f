package io.olyx.application.port;

/**
 * Hashes bearer secrets (API key secrets, login keys, access tokens) for storage and lookup. Keyed (HMAC) with a
 * server-side key, so a stolen database alone cannot be used to test guesses offline.
 */
@FunctionalInterface
public interface TokenHasher {
    String hash(String secret);
}
