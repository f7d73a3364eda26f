package io.olyx.application.pipeline;

import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.SecretAction;
import io.olyx.domain.project.ProjectSettings;
import java.math.BigDecimal;
import java.util.Locale;

/** A project's {@code settings.guardrails} as the detectors' policy, defaults where a key is absent (seed 002). */
public final class GuardPolicies {
    private GuardPolicies() {
    }

    public static GuardPolicy of(ProjectSettings settings) {
        GuardPolicy defaults = GuardPolicy.defaults();
        double block = settings.number("guardrails", "block_threshold").map(BigDecimal::doubleValue)
                .orElse(defaults.blockThreshold());
        return new GuardPolicy(
                settings.number("guardrails", "max_input_length").map(BigDecimal::intValue)
                        .orElse(defaults.maxInputLength()),
                settings.number("guardrails", "pii_threshold").map(BigDecimal::doubleValue)
                        .orElse(defaults.piiThreshold()),
                settings.flag("guardrails", "injection_block").orElse(defaults.injectionBlock()),
                settings.text("guardrails", "secret_action")
                        .map(a -> SecretAction.valueOf(a.toUpperCase(Locale.ROOT))).orElse(defaults.secretAction()),
                block, Math.min(defaults.reviewThreshold(), block));
    }
}
