package io.olyx.adapter.persistence;

import io.olyx.application.port.SecretCipher;
import io.olyx.application.port.TokenHasher;
import io.olyx.domain.model.SealedSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets at rest. One 256-bit master key (OLYX_MASTER_KEY, or a key file created on first start readable only by its
 * owner) from which two keys are derived: one encrypts provider API keys with AES-GCM, the other keys the HMAC that
 * hashes bearer secrets. Neither key is ever stored in the database.
 */
public final class KeyVault {
    private static final Logger LOG = LoggerFactory.getLogger(KeyVault.class);
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashingKey;
    private final SecureRandom random = new SecureRandom();

    private KeyVault(byte[] masterKey) {
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "olyx-encryption"), "AES");
        this.hashingKey = new SecretKeySpec(derive(masterKey, "olyx-token-hashing"), "HmacSHA256");
    }

    /** Uses the configured key, else the key file, creating it with owner-only permissions if it does not exist. */
    public static KeyVault load(Optional<String> configuredBase64, Path keyFile) {
        if (configuredBase64.isPresent()) {
            byte[] key = Base64.getDecoder().decode(configuredBase64.get().trim());
            if (key.length < 32) {
                throw new IllegalArgumentException("OLYX_MASTER_KEY must be at least 32 bytes, base64-encoded");
            }
            return new KeyVault(key);
        }
        try {
            if (Files.notExists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                restrictToOwner(keyFile);
                LOG.info("created master key file {} (back it up: without it stored provider keys cannot be read)",
                        keyFile);
            }
            return new KeyVault(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII)
                    .trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + keyFile, e);
        }
    }

    public static KeyVault ofKey(byte[] masterKey) {
        return new KeyVault(masterKey.clone());
    }

    public SecretCipher cipher() {
        return new SecretCipher() {
            @Override
            public SealedSecret seal(String plaintext) {
                return KeyVault.this.seal(plaintext);
            }

            @Override
            public String open(SealedSecret sealed) {
                return KeyVault.this.open(sealed);
            }
        };
    }

    public TokenHasher tokenHasher() {
        return secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(hashingKey);
                return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        };
    }

    private SealedSecret seal(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new SealedSecret(VERSION + ":" + Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private String open(SealedSecret sealed) {
        String text = sealed.ciphertext();
        if (!text.startsWith(VERSION + ":")) {
            throw new IllegalStateException("unknown sealed secret format");
        }
        byte[] bytes = Base64.getDecoder().decode(text.substring(VERSION.length() + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: wrong master key?", e);
        }
    }

    private static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("cannot restrict permissions of {} on this file system", file);
        }
    }
}
