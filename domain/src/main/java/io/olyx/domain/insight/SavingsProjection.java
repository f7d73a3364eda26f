package io.olyx.domain.insight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/** Scales what a change would have saved in the observed window to 30 days of the same traffic, in cents. */
final class SavingsProjection {
    static final Duration HORIZON = Duration.ofDays(30);

    private SavingsProjection() {
    }

    static BigDecimal over30Days(BigDecimal savedInWindow, Duration window) {
        BigDecimal factor = BigDecimal.valueOf(HORIZON.toMillis())
                .divide(BigDecimal.valueOf(window.toMillis()), MathContext.DECIMAL64);
        return savedInWindow.multiply(factor).setScale(2, RoundingMode.HALF_UP);
    }
}
