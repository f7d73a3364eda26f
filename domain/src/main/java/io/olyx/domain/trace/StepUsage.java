package io.olyx.domain.trace;

import io.olyx.domain.common.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** Tokens and their cost; {@code estimated} when the provider reported no usage and Olyx counted the tokens. */
public record StepUsage(long promptTokens, long completionTokens, long cachedPromptTokens, boolean estimated,
                        BigDecimal cost) {
    public StepUsage {
        Objects.requireNonNull(cost, "cost");
        cost = Money.normalize(cost);
        if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0 || cost.signum() < 0) {
            throw new IllegalArgumentException("usage must not be negative");
        }
    }

    public static StepUsage none() {
        return new StepUsage(0, 0, 0, false, BigDecimal.ZERO);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
