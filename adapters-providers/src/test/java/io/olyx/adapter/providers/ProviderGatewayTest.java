package io.olyx.adapter.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderGatewayTest {

    @Test
    void answersWithTheSandboxWithoutNetworkOrKey() {
        try (ProviderGateway gateway = TestProviders.gateway()) {
            ModelEndpoint sandbox = ModelEndpoint.of(ProviderKind.SANDBOX, "sandbox");

            assertThat(gateway.chat(sandbox, ChatRequest.ofUser("Hello")).text()).startsWith("[sandbox]");
            assertThat(gateway.embed(sandbox, List.of("a", "b")).embeddings()).hasSize(2);
        }
    }

    @Test
    void embedsNothingWithoutCallingAnyone() {
        try (ProviderGateway gateway = TestProviders.gateway()) {
            ModelEndpoint unreachable = ModelEndpoint.of(ProviderKind.OPENAI, "text-embedding-3-small")
                    .withBaseUrl("http://127.0.0.1:" + TestProviders.closedPort());

            EmbeddingResult result = gateway.embed(unreachable, List.of());

            assertThat(result.embeddings()).isEmpty();
            assertThat(result.usage()).isEqualTo(TokenUsage.ZERO);
        }
    }
}
