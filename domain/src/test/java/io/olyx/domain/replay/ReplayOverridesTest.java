package io.olyx.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayOverridesTest {
    @Test
    void readsTheSeedsSingleModelRequest() {
        ReplayOverrides o = ReplayOverrides.fromRequest(Map.of("trace_id", "550e8400-e29b-41d4-a716-446655440000",
                "force_model", "gpt-4o-mini", "max_cost", 0.005));

        assertThat(o.mode()).isEqualTo(new ReplayMode.SingleModel("gpt-4o-mini"));
        assertThat(o.maxCost()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.005"));
        assertThat(o.toJson()).containsOnlyKeys("force_model", "max_cost");
        assertThat(o.skips(new BigDecimal("0.006"))).isTrue();
        assertThat(o.skips(new BigDecimal("0.005"))).isFalse();
    }

    @Test
    void compareModelsMakeAMultiModelReplay() {
        ReplayOverrides o = ReplayOverrides.fromRequest(Map.of("compare_models",
                List.of("gpt-4o-mini", "gpt-3.5-turbo", "claude-haiku-4-5-20251001")));

        assertThat(o.mode()).isEqualTo(new ReplayMode.CompareModels(
                List.of("gpt-4o-mini", "gpt-3.5-turbo", "claude-haiku-4-5-20251001")));
        assertThat(o.forModel("gpt-3.5-turbo").mode()).isEqualTo(new ReplayMode.SingleModel("gpt-3.5-turbo"));
        assertThat(ReplayOverrides.none().mode()).isEqualTo(new ReplayMode.Rerun());
        assertThat(ReplayOverrides.none().skips(BigDecimal.TEN)).isFalse();
    }

    @Test
    void forceModelAndCompareModelsAreMutuallyExclusive() {
        assertThatThrownBy(() -> ReplayOverrides.fromRequest(Map.of("force_model", "a", "compare_models",
                List.of("b")))).isInstanceOf(InvalidInput.class).hasMessageContaining("mutually exclusive");
    }

    @Test
    void maxCostGoesUpToJustBelowATrillionDollars() {
        assertThat(ReplayOverrides.fromRequest(Map.of("max_cost", new BigDecimal("999999999999.999999"))).maxCost())
                .contains(new BigDecimal("999999999999.999999"));
    }

    @Test
    void refusesMalformedOverrides() {
        assertRefused(Map.of("max_cost", -0.01), "max_cost");
        assertRefused(Map.of("max_cost", "cheap"), "max_cost");
        assertRefused(Map.of("max_cost", new BigDecimal("1000000000000")), "max_cost");
        assertRefused(Map.of("max_cost", 1e300), "max_cost");
        assertRefused(Map.of("force_model", 4), "force_model");
        assertRefused(Map.of("force_model", "bad model name"), "force_model");
        assertRefused(Map.of("compare_models", List.of()), "compare_models");
        assertRefused(Map.of("compare_models", List.of("a", "a")), "compare_models");
        assertRefused(Map.of("compare_models", List.of("a", 3)), "compare_models");
        assertRefused(Map.of("compare_models", Arrays.asList(new String[11]).stream().map(x -> "m").toList()),
                "compare_models");
        assertRefused(Map.of("force_models", "a"), "force_models");
    }

    @Test
    void nullMembersCountAsAbsent() {
        Map<String, Object> body = new HashMap<>();
        body.put("force_model", null);
        body.put("max_cost", null);

        assertThat(ReplayOverrides.fromRequest(body)).isEqualTo(ReplayOverrides.none());
    }

    @Test
    void referencedModelsListsEachOnce() {
        ReplayOverrides o = new ReplayOverrides(Optional.of("a"), List.of(), List.of("b", "a", "c"),
                Optional.empty());

        assertThat(o.referencedModels()).containsExactly("a", "b", "c");
    }

    static void assertRefused(Map<String, Object> body, String field) {
        assertThatThrownBy(() -> ReplayOverrides.fromRequest(body)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
