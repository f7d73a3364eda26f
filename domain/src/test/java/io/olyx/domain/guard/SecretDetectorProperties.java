package io.olyx.domain.guard;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class SecretDetectorProperties {

    private static final SecretDetector DETECTOR = new SecretDetector();

    @Property(tries = 200)
    void tokensBuiltFromFourSymbolsNeverPassTheEntropyFloor(@ForAll("fewSymbols") String token) {
        assertThat(SecretDetector.randomEnough(token)).isFalse();
    }

    @Property(tries = 200)
    void aFakeQualifiedNameSilencesAnyValue(@ForAll("randomValue") String value,
                                            @ForAll("fakeWord") String fake) {
        assertThat(DETECTOR.detect(fake + "ApiKey = \"" + value + "\"")).isEmpty();
        assertThat(DETECTOR.detect(fake.toUpperCase() + "_SECRET: " + value)).isEmpty();
    }

    @Property(tries = 200)
    void theSameValueUnderAPlainCredentialNameIsFound(@ForAll("randomValue") String value) {
        assertThat(DETECTOR.detect("clientApiKey = \"" + value + "\"")).isNotEmpty();
    }

    @Provide
    Arbitrary<String> fewSymbols() {
        return Arbitraries.strings().withChars("aB7_").ofMinLength(20).ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> fakeWord() {
        return Arbitraries.of("fake", "dummy", "mock", "sample", "example", "invalid", "bogus");
    }

    /** 24 random alphanumerics with at least one digit, upper and lower case letter: credential-shaped. */
    @Provide
    Arbitrary<String> randomValue() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .ofLength(21).map(s -> "k7Q" + s)
                .filter(s -> Checksums.shannonEntropy(s) >= 3.5);
    }
}
