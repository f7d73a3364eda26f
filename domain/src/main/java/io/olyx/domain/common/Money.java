package io.olyx.domain.common;

import java.math.BigDecimal;

/**
 * Amounts of money are exact decimals in one canonical form (no trailing zeros, zero as 0), so a value read back
 * from a NUMERIC column equals the value that was written.
 */
public final class Money {
    private Money() {
    }

    public static BigDecimal normalize(BigDecimal amount) {
        return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }
}
