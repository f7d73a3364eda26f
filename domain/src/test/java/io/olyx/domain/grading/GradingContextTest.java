package io.olyx.domain.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.ModelId;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GradingContextTest {
    static ModelDefinition model(long id, String identifier, String price, boolean isPublic) {
        BigDecimal p = new BigDecimal(price);
        return new ModelDefinition(new ModelId(id), new ProjectId(12), identifier, identifier, ProviderKind.OPENAI,
                Optional.empty(), Optional.empty(), isPublic, new Pricing(p, p), 30, "global", "USD", Map.of(),
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void readsTheCatalogueTiersAndThresholdsFromTheProject() {
        ProjectSettings settings = new ProjectSettings(Map.of(
                "routing_tiers", Map.of("simple", "mini", "complex", "big"),
                "grading", Map.of("step_target_ms", 2000, "chain_depth_threshold", 8)));

        GradingContext context = GradingContext.of(List.of(model(1, "mini", "0.001", true),
                model(2, "big", "0.01", true), model(3, "local", "0.0005", false)), settings);

        assertThat(context.tierModel("simple")).map(GradingContext.CatalogueModel::identifier).contains("mini");
        assertThat(context.tierModel("secure")).isEmpty();
        assertThat(context.cheapest(100, 10, false)).map(GradingContext.CatalogueModel::identifier)
                .contains("local");
        assertThat(context.cheapest(100, 10, true)).map(GradingContext.CatalogueModel::identifier)
                .contains("local");
        assertThat(context.thresholds().stepTargetMs()).isEqualTo(2000);
        assertThat(context.thresholds().stepSlowMs()).isEqualTo(GradingThresholds.DEFAULT_STEP_SLOW_MS);
        assertThat(context.thresholds().chainDepthThreshold()).isEqualTo(8);
    }

    @Test
    void inconsistentThresholdsAreRefusedUpFrontButNeverFailGrading() {
        ProjectSettings settings = new ProjectSettings(Map.of("grading", Map.of("step_target_ms", 9000,
                "step_slow_ms", 3000)));

        assertThatThrownBy(() -> GradingThresholds.from(settings)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo("settings.grading.step_slow_ms"));
        assertThat(GradingContext.of(List.of(), settings).thresholds()).isEqualTo(GradingThresholds.defaults());
    }
}
