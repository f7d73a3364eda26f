package io.olyx.domain.routing;

import java.util.Objects;

/**
 * What the classifier looks at for one model call.
 *
 * @param text               the text to classify: the last user turn (or the single prompt)
 * @param messageCount       messages in the whole conversation, the last user turn included
 * @param totalChars         characters across the whole conversation (system prompt, history, tool results)
 * @param priorTurns         assistant and tool turns before the last user turn
 * @param toolsOffered       whether the request offers tool definitions to the model
 * @param toolResultsPresent whether the conversation carries tool results the model must digest
 * @param sensitive          set by the caller when input guardrails found PII or secrets; forces the secure tier
 */
public record RoutingInput(
        String text,
        int messageCount,
        long totalChars,
        int priorTurns,
        boolean toolsOffered,
        boolean toolResultsPresent,
        boolean sensitive) {

    public RoutingInput {
        Objects.requireNonNull(text, "text");
        if (messageCount < 1) {
            throw new IllegalArgumentException("messageCount must be at least 1, was " + messageCount);
        }
        if (totalChars < 0) {
            throw new IllegalArgumentException("totalChars must not be negative, was " + totalChars);
        }
        if (priorTurns < 0 || priorTurns >= messageCount) {
            throw new IllegalArgumentException(
                    "priorTurns must be in [0, messageCount), was " + priorTurns + " of " + messageCount);
        }
    }

    /** A single prompt with no history, no tools and no guardrail findings. */
    public static RoutingInput ofPrompt(String text) {
        Objects.requireNonNull(text, "text");
        return new RoutingInput(text, 1, text.length(), 0, false, false, false);
    }

    /** This input as guardrails report it: sensitive content found (or not). */
    public RoutingInput withSensitive(boolean flagged) {
        return new RoutingInput(text, messageCount, totalChars, priorTurns, toolsOffered, toolResultsPresent, flagged);
    }

    /** The size of everything the model will read, never less than the text itself. */
    long contextChars() {
        return Math.max(totalChars, text.length());
    }
}
