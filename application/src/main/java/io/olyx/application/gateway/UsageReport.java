package io.olyx.application.gateway;

import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.gateway.UsageLine;
import io.olyx.domain.gateway.UsageLines;
import io.olyx.domain.llm.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway call's {@code generated_usage}: routing (when the gateway routes by complexity), the query rewrite
 * (when its strategy rewrites), then its chat rounds, one line per SKU and model with the rounds added up.
 */
final class UsageReport {
    private UsageReport() {
    }

    static List<UsageLine> lines(List<PipelineResult.Answered> rounds, Optional<PipelineResult.Answered> rewrite,
                                 boolean routed) {
        List<UsageLine> lines = new ArrayList<>();
        if (routed && !rounds.isEmpty()) {
            lines.addAll(UsageLines.localRouting(rounds.get(0).result().usage().promptTokens()));
        }
        rewrite.ifPresent(r -> lines.addAll(modelLines(UsageLines.QUERY_REWRITE, r)));
        rounds.forEach(r -> lines.addAll(modelLines(UsageLines.CHAT, r)));
        return merged(lines);
    }

    /** What the conversation's model calls consumed (the query rewrite is priced, but not counted here). */
    static TokenUsage usage(List<PipelineResult.Answered> rounds) {
        return rounds.stream().map(r -> r.result().usage()).reduce(TokenUsage.ZERO, TokenUsage::plus);
    }

    private static List<UsageLine> modelLines(String sku, PipelineResult.Answered answered) {
        return UsageLines.modelCall(sku, "Inference for AI model '" + answered.model().identifier() + "'",
                answered.model().pricing(), answered.result().usage());
    }

    private static List<UsageLine> merged(List<UsageLine> lines) {
        Map<String, UsageLine> bySkuAndModel = new LinkedHashMap<>();
        for (UsageLine line : lines) {
            bySkuAndModel.merge(line.sku() + "|" + line.description() + "|" + line.unitPrice(), line,
                    (a, b) -> new UsageLine(a.sku(), a.amount().add(b.amount()), a.unitPrice(),
                            a.quantity() + b.quantity(), a.description()));
        }
        return List.copyOf(bySkuAndModel.values());
    }
}
