package io.olyx.domain.common;

import java.math.BigDecimal;

/**
 * Amounts of money are exact decimals in one canonical form (no trailing zeros, zero as 0), so a value read back
 * from a NUMERIC column equals the value that was written.
 */
public final class Money {
    /** Decimal places an amount (revenue, a spend cap) keeps: a hundred-millionth of a dollar. */
    public static final int AMOUNT_DECIMALS = 8;
    /** Decimal places a price per 1,000 tokens keeps, so that the price of one token still has nine. */
    public static final int PRICE_DECIMALS = 12;
    /**
     * Digits before the decimal point of an amount or price someone sets: everything below a trillion dollars. A
     * cost computed from them is never rounded or refused; the columns that hold costs have room for any of them.
     */
    public static final int WHOLE_DIGITS = 12;

    private Money() {
    }

    public static BigDecimal normalize(BigDecimal amount) {
        return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }

    /**
     * Refuses an amount that could not be stored exactly: more than {@code decimals} decimal places (which storage
     * would round away) or {@value #WHOLE_DIGITS} digits or more before the point (which storage cannot hold).
     */
    public static void requireStorable(BigDecimal amount, int decimals, String field) {
        BigDecimal exact = normalize(amount);
        requireBelowLimit(exact, field);
        InvalidInput.require(exact.scale() <= decimals, field,
                field + " may have at most " + decimals + " decimal places");
    }

    /** Refuses an amount of {@value #WHOLE_DIGITS} digits or more before the point: a trillion dollars or more. */
    public static void requireBelowLimit(BigDecimal amount, String field) {
        BigDecimal exact = normalize(amount);
        InvalidInput.require((long) exact.precision() - exact.scale() <= WHOLE_DIGITS, field,
                field + " must be less than 1000000000000 (10^" + WHOLE_DIGITS + ")");
    }
}
