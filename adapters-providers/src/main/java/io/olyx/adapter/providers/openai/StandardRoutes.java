package io.olyx.adapter.providers.openai;

import io.olyx.adapter.providers.support.Uris;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base URL rules, because users paste all kinds: {@code https://api.openai.com/v1}, {@code http://localhost:11434}
 * (Ollama, whose OpenAI API lives under /v1), {@code https://api.groq.com/openai/v1}, or a full
 * {@code .../v1/chat/completions}. A base with no path gets /v1; a base with a path is used as given, minus any
 * operation suffix the user included.
 */
final class StandardRoutes implements OpenAiRoutes {
    static final String OPENAI_BASE = "https://api.openai.com/v1";
    private static final List<String> OPERATION_SUFFIXES = List.of("/chat/completions", "/completions",
            "/embeddings", "/images/generations");

    private final ProviderKind kind;

    StandardRoutes(ProviderKind kind) {
        this.kind = kind;
    }

    @Override
    public URI chat(ModelEndpoint endpoint) {
        return Uris.uri(kind, base(endpoint) + "/chat/completions");
    }

    @Override
    public URI embeddings(ModelEndpoint endpoint) {
        return Uris.uri(kind, base(endpoint) + "/embeddings");
    }

    @Override
    public URI images(ModelEndpoint endpoint) {
        return Uris.uri(kind, base(endpoint) + "/images/generations");
    }

    @Override
    public Map<String, String> authHeaders(ModelEndpoint endpoint) {
        Map<String, String> headers = new LinkedHashMap<>();
        endpoint.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        if (kind == ProviderKind.OPENAI) {
            endpoint.configText("organization").ifPresent(org -> headers.put("OpenAI-Organization", org));
            endpoint.configText("project").ifPresent(project -> headers.put("OpenAI-Project", project));
        }
        return headers;
    }

    /** Only OpenAI's own API gets the new field; "openai" models at a custom base (vLLM, Ollama) get max_tokens. */
    @Override
    public String maxTokensField(ModelEndpoint endpoint) {
        boolean openAiItself = kind == ProviderKind.OPENAI && endpoint.baseUrl()
                .map(url -> Uris.uri(kind, Uris.base(kind, url)).getHost())
                .map(host -> host.equals("api.openai.com") || host.endsWith(".openai.com")).orElse(true);
        return openAiItself ? "max_completion_tokens" : "max_tokens";
    }

    String base(ModelEndpoint endpoint) {
        if (endpoint.baseUrl().isEmpty()) {
            if (kind == ProviderKind.OPENAI) {
                return OPENAI_BASE;
            }
            throw ProviderFailure.of(ProviderFailure.Kind.CLIENT_ERROR, kind,
                    "an internal model needs a base_url (e.g. http://localhost:11434/v1)");
        }
        String base = Uris.base(kind, endpoint.baseUrl().get());
        for (String suffix : OPERATION_SUFFIXES) {
            if (base.endsWith(suffix)) {
                base = base.substring(0, base.length() - suffix.length());
                break;
            }
        }
        String path = Uris.uri(kind, base).getRawPath();
        return path == null || path.isEmpty() || path.equals("/") ? base + "/v1" : base;
    }
}
