package io.olyx.domain.routing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingValuesTest {

    @Test
    void tiersUseTheSeedsWireNames() {
        assertThat(Tier.SIMPLE.wire()).isEqualTo("simple");
        assertThat(Tier.COMPLEX.wire()).isEqualTo("complex");
        assertThat(Tier.SECURE.wire()).isEqualTo("secure");
        assertThat(Tier.fromWireName("secure")).contains(Tier.SECURE);
        assertThat(Tier.fromWireName("SECURE")).isEmpty();
    }

    @Test
    void aPlainPromptIsOneMessageWithNoHistory() {
        RoutingInput input = RoutingInput.ofPrompt("hello");

        assertThat(input).isEqualTo(new RoutingInput("hello", 1, 5, 0, false, false, false));
        assertThat(input.withSensitive(true).sensitive()).isTrue();
    }

    @Test
    void inputsRejectImpossibleConversationShapes() {
        assertThatThrownBy(() -> new RoutingInput("x", 0, 1, 0, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingInput("x", 1, -1, 0, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingInput("x", 2, 10, 2, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingInput(null, 1, 0, 0, false, false, false))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void missingSettingsTakeTheDefaults() {
        assertThat(RoutingThresholds.fromSettings(Map.of())).isEqualTo(RoutingThresholds.DEFAULTS);
    }

    @Test
    void settingsAreReadAndUnknownKeysIgnored() {
        RoutingThresholds t = RoutingThresholds.fromSettings(Map.of(
                "complex_threshold", 0.55, "long_prompt_chars", 6000L, "deep_conversation_turns", "4",
                "shadow_model", "gpt-4o"));

        assertThat(t).isEqualTo(new RoutingThresholds(0.55, 6000, 4));
    }

    @Test
    void aMediumBandExistsOnlyWhenTheProjectMapsAMediumTier() {
        assertThat(RoutingThresholds.fromSettings(Map.of("medium_threshold", 0.4)).mediumThreshold()).isEmpty();
        assertThat(RoutingThresholds.fromSettings(Map.of(), true).mediumThreshold())
                .hasValue(RoutingThresholds.DEFAULT_MEDIUM_THRESHOLD);
        assertThat(RoutingThresholds.fromSettings(Map.of("medium_threshold", "0.4"), true).mediumThreshold())
                .hasValue(0.4);
    }

    @Test
    void theDefaultMediumBandNeverStartsAboveTheComplexThreshold() {
        assertThat(RoutingThresholds.fromSettings(Map.of("complex_threshold", 0.2), true).mediumThreshold())
                .hasValue(0.2);
        assertThat(RoutingThresholds.fromSettings(Map.of(), true).withComplexThreshold(0.1).mediumThreshold())
                .hasValue(0.1);
        assertThatThrownBy(() -> RoutingThresholds.fromSettings(Map.of("medium_threshold", 0.6), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("medium_threshold");
        assertThatThrownBy(() -> RoutingThresholds.fromSettings(Map.of("medium_threshold", -0.1), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("medium_threshold");
    }

    @Test
    void aNullSettingValueMeansTheDefault() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("complex_threshold", null);

        assertThat(RoutingThresholds.fromSettings(settings).complexThreshold())
                .isEqualTo(RoutingThresholds.DEFAULTS.complexThreshold());
    }

    @Test
    void invalidSettingsAreRejectedWithTheKeyNamed() {
        assertThatThrownBy(() -> RoutingThresholds.fromSettings(Map.of("complex_threshold", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("complex_threshold");
        assertThatThrownBy(() -> RoutingThresholds.fromSettings(Map.of("complex_threshold", "high")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("complex_threshold");
        assertThatThrownBy(() -> RoutingThresholds.fromSettings(Map.of("long_prompt_chars", 10.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("long_prompt_chars");
        assertThatThrownBy(() -> RoutingThresholds.fromSettings(Map.of("deep_conversation_turns", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deep_conversation_turns");
        assertThatThrownBy(() -> RoutingThresholds.fromSettings(Map.of("complex_threshold", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightsMustPointTheirFeaturesWay() {
        assertThatThrownBy(() -> FeatureWeights.standard().with(Feature.REASONING_CUES, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reasoning_cues");
        assertThatThrownBy(() -> FeatureWeights.standard().with(Feature.SIMPLE_CUES, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("simple_cues");
        assertThat(FeatureWeights.standard().with(Feature.MATH_SYMBOLS, 0.2).weight(Feature.MATH_SYMBOLS))
                .isEqualTo(0.2);
    }

    @Test
    void factorsDescribeThemselves() {
        assertThat(new DecisionFactor.Contribution("math_symbols", 0.18).describe()).isEqualTo("math_symbols +0.18");
        assertThat(new DecisionFactor.Contribution("factual_recall", -0.06).describe())
                .isEqualTo("factual_recall -0.06");
        assertThat(new DecisionFactor.Rule("sensitive", Tier.SECURE).describe()).isEqualTo("sensitive → secure");
    }
}
