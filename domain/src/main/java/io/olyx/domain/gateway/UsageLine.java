package io.olyx.domain.gateway;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One priced line of a gateway call's {@code generation_context.generated_usage}: a SKU such as
 * {@code inference.chat_completions.in}, the quantity (tokens), the unit price and their product.
 */
public record UsageLine(String sku, BigDecimal amount, BigDecimal unitPrice, long quantity, String description) {
    public UsageLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(description, "description");
    }
}
