package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.application.port.SecretCipher;
import io.olyx.domain.model.SealedSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyVaultTest {
    @TempDir
    Path dir;

    @Test
    void sealedSecretsOpenWithTheSameKeyFileAcrossRestarts() throws Exception {
        Path keyFile = dir.resolve("master.key");
        SealedSecret sealed = KeyVault.load(Optional.empty(), keyFile).cipher().seal("sk-live-123");

        assertThat(sealed.ciphertext()).doesNotContain("sk-live-123");
        assertThat(KeyVault.load(Optional.empty(), keyFile).cipher().open(sealed)).isEqualTo("sk-live-123");
        assertThat(Files.getPosixFilePermissions(keyFile))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        SecretCipher cipher = KeyVault.ofKey(new byte[32]).cipher();
        assertThat(cipher.seal("same")).isNotEqualTo(cipher.seal("same"));
    }

    @Test
    void anotherMasterKeyCannotOpenOrForge() {
        SealedSecret sealed = KeyVault.ofKey(new byte[32]).cipher().seal("secret");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> KeyVault.ofKey(other).cipher().open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tokenHashesAreStableAndKeyed() {
        byte[] other = new byte[32];
        other[5] = 9;
        String hash = KeyVault.ofKey(new byte[32]).tokenHasher().hash("lk_abc");
        assertThat(KeyVault.ofKey(new byte[32]).tokenHasher().hash("lk_abc")).isEqualTo(hash).hasSize(64);
        assertThat(KeyVault.ofKey(other).tokenHasher().hash("lk_abc")).isNotEqualTo(hash);
    }
}
