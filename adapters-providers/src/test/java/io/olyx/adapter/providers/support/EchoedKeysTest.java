package io.olyx.adapter.providers.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.TokenUsage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EchoedKeysTest {
    private static ModelEndpoint withKey(String key) {
        return ModelEndpoint.of(ProviderKind.OPENAI, "gpt-4o").withApiKey(key);
    }

    @Test
    void masksTheKeyWhereverTheProviderQuotesIt() {
        assertThat(EchoedKeys.masked("Invalid key Bearer sk-live-1234567890; sk-live-1234567890 is revoked",
                "sk-live-1234567890")).isEqualTo("Invalid key Bearer ********; ******** is revoked");
    }

    @Test
    void masksEachPartOfABedrockKey() {
        assertThat(EchoedKeys.masked("The security token TOKENabc123 of AKIAEXAMPLE is expired",
                "AKIAEXAMPLE:wJalrSECRET:TOKENabc123"))
                .isEqualTo("The security token ******** of ******** is expired");
    }

    @Test
    void masksTheStartOfAKeyThatTheMessageLimitCutOff() {
        assertThat(EchoedKeys.masked("Invalid key sk-live-12…", "sk-live-1234567890"))
                .isEqualTo("Invalid key ********…");
        assertThat(EchoedKeys.masked("ends with sk-l", "sk-live-1234567890")).as("only a cut message")
                .isEqualTo("ends with sk-l");
    }

    @Test
    void keepsEverythingElseOfTheFailure() {
        ChatResult partial = new ChatResult("so far", List.of(), FinishReason.STOP, TokenUsage.ZERO, "gpt-4o");
        ProviderFailure failure = new ProviderFailure(ProviderFailure.Kind.CLIENT_ERROR, ProviderKind.OPENAI,
                OptionalInt.of(401), "bad key sk-live-1234567890", Optional.empty(), Optional.of(partial), null);

        ProviderFailure masked = EchoedKeys.masked(failure, withKey("sk-live-1234567890"));

        assertThat(masked.providerMessage()).isEqualTo("bad key ********");
        assertThat(masked.getMessage()).doesNotContain("1234567890");
        assertThat(masked.kind()).isEqualTo(ProviderFailure.Kind.CLIENT_ERROR);
        assertThat(masked.httpStatus()).hasValue(401);
        assertThat(masked.partial()).contains(partial);
        assertThat(EchoedKeys.masked(failure, ModelEndpoint.of(ProviderKind.OPENAI, "gpt-4o"))).isSameAs(failure);
    }
}
