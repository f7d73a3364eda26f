package io.olyx.adapter.providers.openai;

import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import java.net.URI;
import java.util.Map;

/**
 * Where and how an OpenAI-format request goes. OpenAI itself and OpenAI-compatible servers share one shape
 * ({@link #standard}); Azure OpenAI differs only in URLs and the auth header, so it supplies its own routes.
 */
public interface OpenAiRoutes {

    URI chat(ModelEndpoint endpoint);

    URI embeddings(ModelEndpoint endpoint);

    URI images(ModelEndpoint endpoint);

    Map<String, String> authHeaders(ModelEndpoint endpoint);

    /** OpenAI's current models reject max_tokens; compatible servers often only know max_tokens. */
    String maxTokensField(ModelEndpoint endpoint);

    /** OpenAI (and compatible servers at a custom base URL: vLLM, Ollama, LM Studio, Groq). */
    static OpenAiRoutes standard(ProviderKind kind) {
        return new StandardRoutes(kind);
    }
}
