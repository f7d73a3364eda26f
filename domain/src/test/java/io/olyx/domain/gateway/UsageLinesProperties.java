package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.model.Pricing;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class UsageLinesProperties {

    /** Over every price the registry takes and every count a provider can report, never rounded. */
    @Property
    void theLinesOfAModelCallAddUpToItsRecordedCost(
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int prompt,
            @ForAll @IntRange(min = 0, max = 100) int cachedPercent,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int completion,
            @ForAll @BigRange(min = "0", max = "999999999999.999999999999") @Scale(12) BigDecimal inputPer1k,
            @ForAll @BigRange(min = "0", max = "999999999999.999999999999") @Scale(12) BigDecimal outputPer1k) {
        Pricing pricing = new Pricing(inputPer1k, outputPer1k);
        TokenUsage usage = new TokenUsage(prompt, completion, (int) ((long) prompt * cachedPercent / 100), false);
        List<UsageLine> lines = UsageLines.modelCall(UsageLines.CHAT, "m", pricing, usage);
        BigDecimal exact = inputPer1k.multiply(BigDecimal.valueOf(prompt))
                .add(outputPer1k.multiply(BigDecimal.valueOf(completion))).divide(BigDecimal.valueOf(1000));
        assertThat(pricing.cost(prompt, completion)).isEqualByComparingTo(exact);
        assertThat(UsageLines.total(lines)).isEqualByComparingTo(exact);
        assertThat(lines.stream().mapToLong(UsageLine::quantity).sum()).isEqualTo((long) prompt + completion);
    }

    @Example
    void cachedTokensGetALineOfTheirOwn() {
        List<UsageLine> lines = UsageLines.modelCall(UsageLines.CHAT, "m",
                new Pricing(new BigDecimal("0.00025"), new BigDecimal("0.002")), new TokenUsage(1876, 16, 1792, false));
        assertThat(lines).extracting(UsageLine::sku).containsExactly("inference.chat_completions.in",
                "inference.chat_completions.out", "inference.chat_completions.in.cached");
        assertThat(lines.get(0).quantity()).isEqualTo(84);
        assertThat(lines.get(0).unitPrice()).isEqualByComparingTo("0.00000025");
        assertThat(lines.get(1).amount()).isEqualByComparingTo("0.000032");
    }
}
