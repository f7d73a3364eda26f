package io.olyx.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectSettingsTest {

    private static ProjectSettings settings(String section, String key, Object value) {
        return new ProjectSettings(Map.of(section, Map.of(key, value)));
    }

    @Test
    void countsAndLimitsUpToTheLargestIntAreKept() {
        BigDecimal largest = BigDecimal.valueOf(Integer.MAX_VALUE);
        assertThat(settings("loop_detection", "threshold", largest).number("loop_detection", "threshold"))
                .contains(largest);
        assertThat(settings("budget", "reserve_output_tokens", 4096).number("budget", "reserve_output_tokens"))
                .contains(BigDecimal.valueOf(4096));
        assertThat(settings("guardrails", "max_input_length", largest).number("guardrails", "max_input_length"))
                .contains(largest);
    }

    /** Read as ints or longs, these would wrap around: 2^32 + 1 becomes 1, 2^63 becomes negative. */
    @Test
    void largerNumbersAreRefusedInsteadOfWrappingAroundWhereTheyAreRead() {
        assertThatThrownBy(() -> settings("loop_detection", "threshold", 4_294_967_297L))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("loop_detection.threshold");
        assertThatThrownBy(() -> settings("rate_limit", "requests_per_minute", 4_294_967_297L))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> settings("guardrails", "max_input_length", new BigDecimal("18446744073709551617")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> settings("budget", "reserve_output_tokens", new BigDecimal("9223372036854775808")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("reserve_output_tokens");
        assertThatThrownBy(() -> settings("budget", "reserve_output_tokens", -1))
                .isInstanceOf(InvalidInput.class);
    }

    /** Read as ints or longs, these would lose their fraction: a chain depth threshold of 1.5 would judge as 1. */
    @Test
    void countsMustBeWholeNumbersNamingTheSetting() {
        for (String setting : List.of("grading.chain_depth_threshold", "rate_limit.requests_per_minute",
                "loop_detection.threshold", "loop_detection.window_seconds", "budget.reserve_output_tokens",
                "guardrails.max_input_length")) {
            String[] sectionAndKey = setting.split("\\.");
            assertThatThrownBy(() -> settings(sectionAndKey[0], sectionAndKey[1], new BigDecimal("1.5")))
                    .isInstanceOf(InvalidInput.class).hasMessageStartingWith(setting + " must be a whole number")
                    .extracting(e -> ((InvalidInput) e).field()).isEqualTo("settings." + setting);
            assertThat(settings(sectionAndKey[0], sectionAndKey[1], new BigDecimal("2.0"))
                    .number(sectionAndKey[0], sectionAndKey[1])).contains(new BigDecimal("2.0"));
        }
    }

    @Test
    void fractionsStayAllowedWhereTheyMeanSomething() {
        assertThat(settings("retention", "trace_days", new BigDecimal("0.5")).number("retention", "trace_days"))
                .contains(new BigDecimal("0.5"));
        assertThat(settings("grading", "step_target_ms", new BigDecimal("250.5")).number("grading", "step_target_ms"))
                .contains(new BigDecimal("250.5"));
    }
}
