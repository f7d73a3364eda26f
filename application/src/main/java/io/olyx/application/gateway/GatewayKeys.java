package io.olyx.application.gateway;

import io.olyx.application.port.SecretCipher;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.model.ProviderKey;
import io.olyx.domain.model.SealedSecret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a gateway's {@code parameters.apiKey} out of its stored document: the key is sealed under the master key
 * and the document holds only a mask ({@code ********abcd}). Sending the mask back (as a client that read the
 * gateway and edits another field does) keeps the stored key; null or "" removes it.
 */
public final class GatewayKeys {
    static final String FIELD = "apiKey";
    static final String MASK_PREFIX = "********";

    private final SecretCipher cipher;

    public GatewayKeys(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public record Sealed(Map<String, Object> document, Optional<SealedSecret> apiKey) {
    }

    public Sealed seal(Map<String, Object> document, Optional<SealedSecret> current) {
        Map<String, Object> out = new LinkedHashMap<>(document);
        Object given = out.get(FIELD);
        // a key of another type (a number, an object) is a mistake, not a removal: dropping it unseen lost the key
        InvalidInput.require(given == null || given instanceof String, "parameters." + FIELD,
                "parameters." + FIELD + " must be a string or null");
        if (!(given instanceof String key) || key.isBlank()) {
            out.remove(FIELD);
            return new Sealed(out, Optional.empty());
        }
        if (key.startsWith(MASK_PREFIX)) {
            current.ifPresentOrElse(k -> out.put(FIELD, mask(cipher.open(k))), () -> out.remove(FIELD));
            return new Sealed(out, current);
        }
        ProviderKey.validate(key, "parameters." + FIELD);
        out.put(FIELD, mask(key));
        return new Sealed(out, Optional.of(cipher.seal(key)));
    }

    private static String mask(String key) {
        return MASK_PREFIX + (key.length() > 8 ? key.substring(key.length() - 4) : "");
    }
}
