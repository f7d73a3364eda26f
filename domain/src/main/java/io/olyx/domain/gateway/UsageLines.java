package io.olyx.domain.gateway;

import io.olyx.domain.common.Money;
import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.model.Pricing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a gateway call line by line, the way the seed's {@code generated_usage} shows it. Olyx prices cached
 * prompt tokens like other prompt tokens (the registry has one input price), so the lines of a model call add up to
 * exactly the cost recorded on its step.
 */
public final class UsageLines {
    public static final String CHAT = "inference.chat_completions";
    public static final String ROUTING = "inference.resolving.routing_complexity";
    public static final String QUERY_REWRITE = "inference.resolving.query_rewrite";

    private UsageLines() {
    }

    /** {@code .in} (uncached prompt tokens), {@code .out}, and {@code .in.cached} when some were cached. */
    public static List<UsageLine> modelCall(String sku, String description, Pricing pricing, TokenUsage usage) {
        BigDecimal in = perToken(pricing.inputPer1k());
        BigDecimal out = perToken(pricing.outputPer1k());
        List<UsageLine> lines = new ArrayList<>(3);
        lines.add(line(sku + ".in", in, usage.promptTokens() - usage.cachedPromptTokens(), description));
        lines.add(line(sku + ".out", out, usage.completionTokens(), description));
        if (usage.cachedPromptTokens() > 0) {
            lines.add(line(sku + ".in.cached", in, usage.cachedPromptTokens(), description));
        }
        return lines;
    }

    /** Olyx's complexity classifier runs in process: its lines show what it read and decided, at no cost. */
    public static List<UsageLine> localRouting(long promptTokens) {
        String description = "Model routing (in-process complexity classifier)";
        return List.of(line(ROUTING + ".in", BigDecimal.ZERO, promptTokens, description),
                line(ROUTING + ".out", BigDecimal.ZERO, 1, description));
    }

    public static BigDecimal total(List<UsageLine> lines) {
        return Money.normalize(lines.stream().map(UsageLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static UsageLine line(String sku, BigDecimal unitPrice, long quantity, String description) {
        return new UsageLine(sku, Money.normalize(unitPrice.multiply(BigDecimal.valueOf(quantity))), unitPrice,
                quantity, description);
    }

    private static BigDecimal perToken(BigDecimal per1k) {
        return Money.normalize(per1k.movePointLeft(3));
    }
}
