package io.olyx.domain.guard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one guardrail scan.
 *
 * @param findings  every finding kept under the policy, ordered by start offset
 * @param riskScore 0..1; below the review threshold clean, up to the block threshold borderline, above blocked
 * @param decision  what the pipeline should do
 * @param reason    a seed reason code when the decision is not ALLOW ("pii_detected", "injection_detected",
 *                  "secret_detected", "input_too_long")
 */
public record GuardReport(List<Finding> findings, double riskScore, GuardDecision decision, Optional<String> reason) {

    public static final String PII_DETECTED = "pii_detected";
    public static final String INJECTION_DETECTED = "injection_detected";
    public static final String SECRET_DETECTED = "secret_detected";
    public static final String INPUT_TOO_LONG = "input_too_long";

    public GuardReport {
        findings = List.copyOf(findings);
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        if (!(riskScore >= 0.0 && riskScore <= 1.0)) {
            throw new IllegalArgumentException("riskScore must be in 0..1: " + riskScore);
        }
    }

    public boolean allowed() {
        return decision != GuardDecision.BLOCK;
    }

    public boolean piiDetected() {
        return has(FindingCategory.PII);
    }

    public boolean injectionAttempt() {
        return has(FindingCategory.INJECTION);
    }

    public boolean secretLeaked() {
        return has(FindingCategory.SECRET);
    }

    public List<PiiEntity> piiEntities() {
        return findings.stream()
                .filter(f -> f.category() == FindingCategory.PII)
                .map(f -> new PiiEntity(f.type(), f.start(), f.end()))
                .toList();
    }

    public List<Finding> findings(FindingCategory category) {
        return findings.stream().filter(f -> f.category() == category).toList();
    }

    private boolean has(FindingCategory category) {
        for (Finding f : findings) {
            if (f.category() == category) {
                return true;
            }
        }
        return false;
    }
}
