package io.olyx.domain.trace;

/** The guardrail verdict recorded on a step; traces and stats roll these flags up. */
public record StepSecurity(boolean piiDetected, boolean injectionAttempt, boolean secretLeaked, double riskScore) {
    public StepSecurity {
        if (!(riskScore >= 0.0 && riskScore <= 1.0)) {
            throw new IllegalArgumentException("risk score must be within 0..1");
        }
    }

    public static StepSecurity clean() {
        return new StepSecurity(false, false, false, 0.0);
    }
}
