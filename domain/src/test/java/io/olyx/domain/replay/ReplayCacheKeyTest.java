package io.olyx.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplayCacheKeyTest {
    static final TraceId TRACE = new TraceId(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"));

    @Test
    void forceModelsKeepTheirOrderAndFieldsDoNotBlur() {
        ReplayOverrides ab = new ReplayOverrides(Optional.empty(), List.of(), List.of("a", "b"), Optional.empty());
        ReplayOverrides ba = new ReplayOverrides(Optional.empty(), List.of(), List.of("b", "a"), Optional.empty());
        ReplayOverrides forced = new ReplayOverrides(Optional.of("a"), List.of(), List.of(), Optional.empty());
        ReplayOverrides compared = new ReplayOverrides(Optional.empty(), List.of("a"), List.of(), Optional.empty());

        assertThat(ReplayCacheKey.of(TRACE, ab)).isNotEqualTo(ReplayCacheKey.of(TRACE, ba));
        assertThat(ReplayCacheKey.of(TRACE, forced)).isNotEqualTo(ReplayCacheKey.of(TRACE, compared));
        assertThat(ReplayCacheKey.of(TRACE, ReplayOverrides.none()))
                .isEqualTo(ReplayCacheKey.of(TRACE, ReplayOverrides.none()));
    }

    @Test
    void theCanonicalFormIsReadable() {
        ReplayOverrides o = new ReplayOverrides(Optional.of("gpt-4o-mini"), List.of(), List.of(),
                Optional.of(new java.math.BigDecimal("0.0050")));

        assertThat(ReplayCacheKey.canonical(TRACE, o)).isEqualTo("v1|trace=550e8400-e29b-41d4-a716-446655440000"
                + "|force_model=gpt-4o-mini|compare_models=|force_models=|max_cost=0.005");
    }
}
