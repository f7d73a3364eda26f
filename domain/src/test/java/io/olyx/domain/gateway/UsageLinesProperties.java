package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.model.Pricing;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class UsageLinesProperties {

    @Property
    void theLinesOfAModelCallAddUpToItsRecordedCost(@ForAll @IntRange(min = 0, max = 2_000_000) int prompt,
                                                    @ForAll @IntRange(min = 0, max = 100) int cachedPercent,
                                                    @ForAll @IntRange(min = 0, max = 500_000) int completion,
                                                    @ForAll @IntRange(min = 0, max = 100_000) int inputMicros,
                                                    @ForAll @IntRange(min = 0, max = 100_000) int outputMicros) {
        Pricing pricing = new Pricing(BigDecimal.valueOf(inputMicros, 6), BigDecimal.valueOf(outputMicros, 6));
        TokenUsage usage = new TokenUsage(prompt, completion, (int) ((long) prompt * cachedPercent / 100), false);
        List<UsageLine> lines = UsageLines.modelCall(UsageLines.CHAT, "m", pricing, usage);
        assertThat(UsageLines.total(lines)).isEqualByComparingTo(pricing.cost(prompt, completion));
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
