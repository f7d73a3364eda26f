package io.olyx.application.port;

import io.olyx.domain.model.SealedSecret;

/** Encrypts secrets at rest (provider API keys) with an authenticated cipher under the master key. */
public interface SecretCipher {
    SealedSecret seal(String plaintext);

    String open(SealedSecret sealed);
}
