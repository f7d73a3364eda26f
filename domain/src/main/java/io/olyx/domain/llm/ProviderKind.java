package io.olyx.domain.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The wire format a registered model speaks. INTERNAL is any OpenAI-compatible endpoint at a custom base_url. */
public enum ProviderKind {
    OPENAI, AZURE, ANTHROPIC, GEMINI, BEDROCK, INTERNAL, SANDBOX;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProviderKind> parse(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }
}
