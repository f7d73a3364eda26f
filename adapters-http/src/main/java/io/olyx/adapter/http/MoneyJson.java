package io.olyx.adapter.http;

import io.olyx.domain.common.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule money goes out by in JSON, on every endpoint: the exact amount without trailing zeros, zero as 0,
 * which the edge's decimal writer puts in plain digits ({@code 0.0636}, {@code 1591}, {@code 0}). Sums and
 * differences of canonical amounts need not be canonical themselves (0.03185 + 0.03175 is 0.06360), so every
 * amount an answer carries goes through here rather than trusting where it was computed.
 */
public final class MoneyJson {
    private MoneyJson() {
    }

    public static BigDecimal amount(BigDecimal amount) {
        return Money.normalize(amount);
    }

    /** An amount that may be absent, as JSON null. */
    public static BigDecimal amount(Optional<BigDecimal> amount) {
        return amount.map(Money::normalize).orElse(null);
    }

    /** Amounts by name, in the order given. */
    public static Map<String, BigDecimal> amounts(Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> json = new LinkedHashMap<>();
        amounts.forEach((name, amount) -> json.put(name, Money.normalize(amount)));
        return json;
    }
}
