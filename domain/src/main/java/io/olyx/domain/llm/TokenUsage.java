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

    /**
     * Sums two usages; the sum is estimated if either part was. A count that would pass 2^31 - 1 stops there and
     * the sum is marked estimated, since it no longer is the exact count.
     */
    public TokenUsage plus(TokenUsage other) {
        long prompt = (long) promptTokens + other.promptTokens;
        long completion = (long) completionTokens + other.completionTokens;
        long cached = (long) cachedPromptTokens + other.cachedPromptTokens;
        boolean capped = prompt > Integer.MAX_VALUE || completion > Integer.MAX_VALUE;
        int cappedPrompt = capped(prompt);
        return new TokenUsage(cappedPrompt, capped(completion), Math.min(capped(cached), cappedPrompt),
                estimated || other.estimated || capped);
    }

    private static int capped(long count) {
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    /** As a long: two counts each below 2^31 can add up past it. */
    public long totalTokens() {
        return (long) promptTokens + completionTokens;
    }
}
