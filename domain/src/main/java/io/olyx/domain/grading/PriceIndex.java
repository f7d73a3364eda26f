package io.olyx.domain.grading;

import io.olyx.domain.model.Pricing;
import java.math.BigDecimal;

/**
 * What a model would charge for a given token mix, used to compare models on equal terms. With no tokens at all
 * (a step whose usage is unknown) the sum of the per-1k prices stands in, so the comparison still orders models.
 */
public final class PriceIndex {
    private PriceIndex() {
    }

    public static BigDecimal of(Pricing pricing, long promptTokens, long completionTokens) {
        if (promptTokens == 0 && completionTokens == 0) {
            return pricing.inputPer1k().add(pricing.outputPer1k());
        }
        return pricing.cost(promptTokens, completionTokens);
    }
}
