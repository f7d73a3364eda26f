package io.olyx.domain.guard;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretDetectorTest {

    private final SecretDetector detector = new SecretDetector();

    private List<String> types(String text) {
        return detector.detect(text).stream().map(Finding::type).toList();
    }

    @Test
    void aBareLegacyOpenAiKeyIsFoundWithoutAVariableName() {
        String key = "sk-" + "Zq4mT8vX2kLp9RbN7cWd3HsY6fJg1AeU5tQo0iKxVn8MzBrC";
        assertThat(key).hasSize(51);
        assertThat(types("my key is " + key + " please keep it")).containsExactly("openai_api_key");
        assertThat(types(key)).containsExactly("openai_api_key");
    }

    @Test
    void bareSkKeysThatAreTemplatesOrHandTypedAreNotKeys() {
        assertThat(types("sk-" + "x".repeat(48))).isEmpty();
        assertThat(types("sk-your_openai_key_here" + "0".repeat(25))).isEmpty();
        assertThat(types("sk-" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv")).isEmpty();
        assertThat(types("sk-" + "Aa1".repeat(16))).isEmpty();
    }

    @Test
    void aVendorPrefixWithARepetitiveBodyIsATypedTestValue() {
        String hand = "sgp_" + "0000000b" + "CCCCC" + "9999999" + "EeeeED" + "b".repeat(14);
        String random = "sgp_3f9a1c7e5b2d8046af13c9e7b5d20864f1a3c5e7";
        assertThat(types(hand)).isEmpty();
        assertThat(types(random)).containsExactly("api_token");
    }

    @Test
    void anAgeKeyIsJudgedByItsBech32AlphabetNotItsEntropy() {
        String body = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L".repeat(2).substring(0, 58);
        assertThat(types("AGE_KEY=AGE-SECRET-KEY-1" + body)).contains("age_secret_key");
        // 'B' and 'I' are outside the bech32 alphabet
        assertThat(types("AGE-SECRET-KEY-1" + "B".repeat(10) + body.substring(10))).doesNotContain("age_secret_key");
    }

    @Test
    void aSentryOrgTokenNeedsItsJsonPayloadAndSignatureLength() {
        String payload = b64("{\"iat\":1700000000.5,\"url\":\"https://sentry.acme.test\",\"region_url\":\"https://eu.sentry.acme.test\",\"org\":\"acme\"}");
        String sig = "Q2x1ZWxlc3NTaWduYXR1cmVQYXJ0Rm9yVGVzdHM0Mjd";
        assertThat(sig).hasSize(43);
        assertThat(types("sntrys_" + payload + "_" + sig)).containsExactly("sentry_org_token");
        assertThat(types("sntrys_" + payload + "_" + sig.substring(1))).isEmpty();
        String noRegion = b64("{\"iat\":1700000000.5,\"url\":\"https://sentry.acme.test\",\"organisation\":\"acme-corp-west\"}");
        assertThat(types("sntrys_" + noRegion + "_" + sig)).isEmpty();
    }

    @Test
    void halvesOfAColonJoinedTokenAreNotGenericSecrets() {
        // a bot-token-like value one character too long: the vendor rule rejects it, the fallbacks must not pick a half
        String malformed = "chat_bot_token = \"48151623:Ak3v9XqLm2Pz7RtY4wN8sBd6Hf1Jc5Gu0ViEo\"";
        assertThat(types(malformed)).isEmpty();
        String wellFormed = "chat_bot_token = \"4815162342:Ak3v9XqLm2Pz7RtY4wN8sBd6Hf1Jc5Gu0Vx\"";
        assertThat(types(wellFormed)).contains("telegram_bot_token");
        assertThat(SecretDetector.fragmentOfCompound("id:abc123", 3, 9)).isTrue();
        assertThat(SecretDetector.fragmentOfCompound("id: abc123", 4, 10)).isFalse();
    }

    @Test
    void namesThatDeclareTheirValueFakeAreNotCredentials() {
        String value = "q8Zt2LmV0pXr7YwK4sNd";
        assertThat(types("authToken = \"" + value + "\"")).contains("generic_secret");
        assertThat(types("fakeToken = \"" + value + "\"")).isEmpty();
        assertThat(types("DUMMY_PASSWORD=" + value)).isEmpty();
        assertThat(types("invalidApiKey := '" + value + "'")).isEmpty();
        assertThat(SecretDetector.secretKeyName("nonMatchingSecret")).isFalse();
        assertThat(SecretDetector.secretKeyName("nonceSecret")).isTrue();
    }

    @Test
    void aLongRandomValueAfterAFakeNameIsNotAHighEntropyLeakEither() {
        String value = "job_run_7kq2ZxPm4Tn9Wd3Rb8Yc6Vh1Lf5";
        assertThat(types("mockSessionToken := \"" + value + "\"")).isEmpty();
        assertThat(types("sessionToken := \"" + value + "\"")).isNotEmpty();
    }

    private static String b64(String s) {
        return Base64.getEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
