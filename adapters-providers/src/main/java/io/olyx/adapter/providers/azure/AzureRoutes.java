package io.olyx.adapter.providers.azure;

import io.olyx.adapter.providers.openai.OpenAiRoutes;
import io.olyx.adapter.providers.support.Uris;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import java.net.URI;
import java.util.Map;

/**
 * Azure OpenAI: the OpenAI wire format at
 * {@code {base}/openai/deployments/{deployment}/{operation}?api-version=...}, authenticated with an
 * {@code api-key} header. The base is the resource endpoint ({@code https://NAME.openai.azure.com}); a base that
 * already ends in /openai is accepted too.
 */
public final class AzureRoutes implements OpenAiRoutes {

    @Override
    public URI chat(ModelEndpoint endpoint) {
        return route(endpoint, "chat/completions");
    }

    @Override
    public URI embeddings(ModelEndpoint endpoint) {
        return route(endpoint, "embeddings");
    }

    @Override
    public URI images(ModelEndpoint endpoint) {
        return route(endpoint, "images/generations");
    }

    @Override
    public Map<String, String> authHeaders(ModelEndpoint endpoint) {
        return endpoint.apiKey().map(key -> Map.of("api-key", key)).orElse(Map.of());
    }

    @Override
    public String maxTokensField(ModelEndpoint endpoint) {
        return "max_tokens";
    }

    private URI route(ModelEndpoint endpoint, String operation) {
        String base = Uris.base(ProviderKind.AZURE, endpoint.baseUrl().orElseThrow(() ->
                ProviderFailure.of(ProviderFailure.Kind.CLIENT_ERROR, ProviderKind.AZURE,
                        "an Azure model needs base_url set to the resource endpoint, "
                                + "e.g. https://NAME.openai.azure.com")));
        if (base.endsWith("/openai")) {
            base = base.substring(0, base.length() - "/openai".length());
        }
        return Uris.uri(ProviderKind.AZURE, base + "/openai/deployments/" + Uris.encodeSegment(
                endpoint.azureDeployment()) + "/" + operation + "?api-version="
                + Uris.encodeSegment(endpoint.azureApiVersion()));
    }
}
