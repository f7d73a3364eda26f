package io.olyx.application.project;

import io.olyx.application.pipeline.GuardPolicies;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.grading.GradingThresholds;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.routing.RoutingThresholds;
import java.util.Map;

/**
 * Settings sections owned by other parts of the domain (routing thresholds, grading thresholds, guardrail policy) are
 * checked by those parts' own parsers when settings are saved, so a bad value is a 422 at PATCH time, not a failure
 * on some later request.
 */
final class SettingsCheck {
    private SettingsCheck() {
    }

    static void validate(ProjectSettings settings) {
        settings.checkedForSaving();
        // with the medium band, so a bad medium_threshold is refused even before a medium tier is mapped
        check("settings.routing", () -> RoutingThresholds.fromSettings(settings.section("routing", Map.of()),
                true));
        check("settings.grading", () -> GradingThresholds.from(settings));
        check("settings.guardrails", () -> GuardPolicies.of(settings));
    }

    private static void check(String field, Runnable parse) {
        try {
            parse.run();
        } catch (InvalidInput e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, field + ": " + e.getMessage());
        }
    }
}
