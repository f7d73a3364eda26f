package io.olyx.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.trace.TraceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ReplayCacheKeyProperties {
    static final TraceId TRACE = new TraceId(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"));

    @Provide
    Arbitrary<List<String>> models() {
        return Arbitraries.of("gpt-4o", "gpt-4o-mini", "gpt-3.5-turbo", "claude-haiku", "my-llama-3", "o3")
                .list().uniqueElements().ofMinSize(1).ofMaxSize(6);
    }

    @Property
    void compareModelsOrderAndMaxCostScaleDoNotChangeTheKey(@ForAll("models") List<String> models,
                                                            @ForAll long seed,
                                                            @ForAll @IntRange(min = 0, max = 100_000) int cents,
                                                            @ForAll @IntRange(min = 0, max = 4) int extraZeros) {
        List<String> shuffled = new ArrayList<>(models);
        Collections.shuffle(shuffled, new Random(seed));
        BigDecimal cost = BigDecimal.valueOf(cents, 4);
        BigDecimal padded = cost.setScale(cost.scale() + extraZeros);

        ReplayCacheKey a = ReplayCacheKey.of(TRACE, overrides(models, cost));
        ReplayCacheKey b = ReplayCacheKey.of(TRACE, overrides(shuffled, padded));

        assertThat(b).isEqualTo(a);
        assertThat(a.value()).startsWith("replay:" + TRACE + ":").hasSize(("replay:" + TRACE + ":").length() + 32);
    }

    @Property
    void differentOverridesOrTracesGiveDifferentKeys(@ForAll("models") List<String> a,
                                                     @ForAll("models") List<String> b) {
        if (new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b))) {
            return;
        }
        assertThat(ReplayCacheKey.of(TRACE, overrides(a, BigDecimal.ONE)))
                .isNotEqualTo(ReplayCacheKey.of(TRACE, overrides(b, BigDecimal.ONE)));
        assertThat(ReplayCacheKey.of(TRACE, overrides(a, BigDecimal.ONE)))
                .isNotEqualTo(ReplayCacheKey.of(new TraceId(new UUID(1, 2)), overrides(a, BigDecimal.ONE)));
    }

    static ReplayOverrides overrides(List<String> compare, BigDecimal maxCost) {
        return new ReplayOverrides(Optional.empty(), compare, List.of(), Optional.of(maxCost));
    }
}
