package io.olyx.adapter.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.olyx.adapter.providers.AgainstFakeProvider;
import io.olyx.adapter.providers.TestProviders;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Azure OpenAI: deployment URLs with api-version and the api-key header, the OpenAI format otherwise. */
class AzureWireTest extends AgainstFakeProvider {

    private static ModelEndpoint azure() {
        return TestProviders.endpoint(ProviderKind.AZURE, fake);
    }

    @Test
    void callsTheDeploymentUrlWithApiVersionAndApiKey() {
        gateway.chat(azure(), ChatRequest.ofUser("Hi"));

        var captured = fake.lastRequest();
        assertThat(captured.path()).isEqualTo("/openai/deployments/prod-4o/chat/completions");
        assertThat(captured.query()).isEqualTo("api-version=2024-10-21");
        assertThat(captured.header("api-key")).contains("azure-key");
        assertThat(captured.header("authorization")).isEmpty();
    }

    @Test
    void streamsEmbedsAndDrawsThroughTheSameDeployment() {
        gateway.stream(azure(), ChatRequest.ofUser("Hi"), e -> { });
        assertThat(fake.lastRequest().path()).isEqualTo("/openai/deployments/prod-4o/chat/completions");

        gateway.embed(azure(), List.of("text"));
        assertThat(fake.lastRequest().path()).isEqualTo("/openai/deployments/prod-4o/embeddings");

        gateway.generateImage(azure(), ImageRequest.of("A lighthouse"));
        assertThat(fake.lastRequest().path()).isEqualTo("/openai/deployments/prod-4o/images/generations");
    }

    @Test
    void acceptsABaseThatAlreadyEndsInOpenAiAndDefaultsTheDeploymentToTheModel() {
        ModelEndpoint endpoint = ModelEndpoint.of(ProviderKind.AZURE, "gpt-4o-mini",
                Optional.of(fake.baseUrl() + "/openai/"), Optional.of("k"), Map.of());

        gateway.chat(endpoint, ChatRequest.ofUser("Hi"));

        assertThat(fake.lastRequest().path()).isEqualTo("/openai/deployments/gpt-4o-mini/chat/completions");
        assertThat(fake.lastRequest().query()).isEqualTo("api-version=" + ModelEndpoint.DEFAULT_AZURE_API_VERSION);
    }

    @Test
    void needsTheResourceEndpoint() {
        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.chat(ModelEndpoint.of(ProviderKind.AZURE, "gpt-4o"), ChatRequest.ofUser("Hi")));

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.CLIENT_ERROR);
        assertThat(fake.requestCount()).isZero();
    }
}
