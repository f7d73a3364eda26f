package io.olyx.domain.llm;

/**
 * Tokens a call consumed. {@code cachedPromptTokens} is the part of the prompt served from the provider's prompt
 * cache (included in {@code promptTokens}); {@code estimated} is true when Olyx counted the tokens itself because
 * the provider did not report them.
 */
public record TokenUsage(int promptTokens, int completionTokens, int cachedPromptTokens, boolean estimated) {
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, false);

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        if (cachedPromptTokens > promptTokens) {
            throw new IllegalArgumentException("cached prompt tokens cannot exceed prompt tokens");
        }
    }

    public static TokenUsage reported(int promptTokens, int completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, 0, false);
    }

    public static TokenUsage estimated(int promptTokens, int completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, 0, true);
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** Sums two usages; the sum is estimated if either part was. */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                cachedPromptTokens + other.cachedPromptTokens, estimated || other.estimated);
    }
}
