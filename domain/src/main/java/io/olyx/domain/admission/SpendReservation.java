package io.olyx.domain.admission;

import io.olyx.domain.common.Money;
import io.olyx.domain.model.Pricing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The most a call can cost, reserved against the key's hourly cap before the call so that concurrent calls cannot
 * all see room under the cap and overshoot it together. The bound is the prompt's tokens with a margin for tokenizer
 * differences, plus the completion's maximum (the request's max_tokens, else the project's reserve).
 */
public final class SpendReservation {
    public static final Duration WINDOW = Duration.ofHours(1);
    public static final int DEFAULT_RESERVED_COMPLETION_TOKENS = 1024;
    private static final BigDecimal PROMPT_MARGIN = new BigDecimal("1.25");

    private SpendReservation() {
    }

    public static BigDecimal estimate(Pricing pricing, long promptTokens, long maxCompletionTokens) {
        long prompt = PROMPT_MARGIN.multiply(BigDecimal.valueOf(promptTokens)).setScale(0,
                RoundingMode.CEILING).longValue();
        return Money.normalize(pricing.cost(prompt, maxCompletionTokens));
    }

    /** Whether a call reserving {@code amount} fits: spent + reserved + amount must stay within the limit. */
    public static boolean fits(BigDecimal limit, BigDecimal spentInWindow, BigDecimal reserved, BigDecimal amount) {
        return spentInWindow.add(reserved).add(amount).compareTo(limit) <= 0;
    }
}
