package io.olyx.domain.model;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** Prices per 1,000 tokens. Costs are exact decimals: no float ever touches money. */
public record Pricing(BigDecimal inputPer1k, BigDecimal outputPer1k) {
    public Pricing {
        Objects.requireNonNull(inputPer1k, "inputPer1k");
        Objects.requireNonNull(outputPer1k, "outputPer1k");
        inputPer1k = Money.normalize(inputPer1k);
        outputPer1k = Money.normalize(outputPer1k);
        InvalidInput.require(inputPer1k.signum() >= 0, "input_cost_per_1k", "input_cost_per_1k must not be negative");
        InvalidInput.require(outputPer1k.signum() >= 0, "output_cost_per_1k",
                "output_cost_per_1k must not be negative");
        Money.requireStorable(inputPer1k, Money.PRICE_DECIMALS, "input_cost_per_1k");
        Money.requireStorable(outputPer1k, Money.PRICE_DECIMALS, "output_cost_per_1k");
    }

    public static Pricing free() {
        return new Pricing(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The exact cost, never rounded: at most three more decimals than the prices have. */
    public BigDecimal cost(long promptTokens, long completionTokens) {
        BigDecimal input = inputPer1k.multiply(BigDecimal.valueOf(promptTokens));
        BigDecimal output = outputPer1k.multiply(BigDecimal.valueOf(completionTokens));
        return Money.normalize(input.add(output).movePointLeft(3));
    }
}
