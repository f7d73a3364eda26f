package io.olyx.domain.llm;

import java.util.Locale;
import java.util.Optional;

/**
 * The wire format Olyx speaks to reach a model. The registry's {@code provider} field holds the lowercase
 * wire name; {@link #SANDBOX} is Olyx's own offline model so a fresh install answers without any API key.
 */
public enum ProviderKind {
    OPENAI("openai"),
    AZURE("azure"),
    ANTHROPIC("anthropic"),
    GEMINI("gemini"),
    BEDROCK("bedrock"),
    /** OpenAI wire format at a custom base URL: vLLM, Ollama, LM Studio, Groq, any self-hosted server. */
    INTERNAL("internal"),
    SANDBOX("sandbox");

    private final String wireName;

    ProviderKind(String wireName) {
        this.wireName = wireName;
    }

    public String wire() {
        return wireName;
    }

    /** Case-insensitive; empty for anything that is not a known provider so callers can answer 422. */
    public static Optional<ProviderKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (ProviderKind kind : values()) {
            if (kind.wireName.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
