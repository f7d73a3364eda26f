package io.olyx.domain.model;

import java.util.Objects;

/**
 * A secret encrypted at rest (provider API keys, the responses kept for idempotent retries). Opaque to the domain;
 * only the SecretCipher port can open it.
 */
public record SealedSecret(String ciphertext) {
    public SealedSecret {
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "SealedSecret[***]";
    }
}
