package io.olyx.domain.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RawApiKeyProperties {
    @Provide
    Arbitrary<RawApiKey> keys() {
        Arbitrary<String> id = Arbitraries.strings().withChars("0123456789abcdef").ofLength(16).map(h -> "ak_" + h);
        Arbitrary<String> secret = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        return id.flatMap(i -> secret.map(s -> new RawApiKey(new ApiKeyId(i), s)));
    }

    @Property
    void aKeyParsesBackToItself(@ForAll("keys") RawApiKey key) {
        assertThat(RawApiKey.parse(key.value())).contains(key);
    }

    @Property
    void theMaskShowsTheKeyIdPrefixAndNoMoreThanFourSecretCharacters(@ForAll("keys") RawApiKey key) {
        String masked = key.masked();

        assertThat(masked).startsWith("ak_").contains("...").endsWith(key.secret().substring(60));
        assertThat(masked.replace("...", "")).hasSize(10);
        assertThat(masked).doesNotContain(key.secret().substring(0, 60));
        assertThat(key.toString()).isEqualTo(masked);
    }

    @Property
    void anyAlterationOfTheFormatIsRejected(@ForAll("keys") RawApiKey key,
                                            @ForAll("alterations") UnaryOperator<String> alter) {
        assertThat(RawApiKey.parse(alter.apply(key.value()))).isEmpty();
    }

    @Provide
    Arbitrary<UnaryOperator<String>> alterations() {
        return Arbitraries.of(
                s -> s.substring(0, s.length() - 1),
                s -> s + "0",
                s -> s.replace('.', '_'),
                s -> s.toUpperCase(Locale.ROOT),
                s -> s.substring(0, s.length() - 1) + "g",
                s -> "ak-" + s.substring(3),
                s -> " " + s);
    }
}
