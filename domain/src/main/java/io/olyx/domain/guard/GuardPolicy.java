package io.olyx.domain.guard;

import java.util.Objects;

/**
 * The project's guardrail settings (seed 002 "guardrails" plus the risk thresholds of seed 001).
 *
 * @param maxInputLength  inputs longer than this many characters (code points) are blocked with reason input_too_long
 * @param piiThreshold    PII findings below this confidence are not reported
 * @param injectionBlock  whether an injection score at or above blockThreshold blocks the request
 * @param secretAction    what a detected credential does to the decision
 * @param blockThreshold  risk score from which a request is blocked (seed: "above 0.7 blocked by default")
 * @param reviewThreshold risk score from which a request is borderline / flagged for review
 */
public record GuardPolicy(int maxInputLength, double piiThreshold, boolean injectionBlock, SecretAction secretAction,
                          double blockThreshold, double reviewThreshold) {

    public static final int DEFAULT_MAX_INPUT_LENGTH = 10_000;

    public GuardPolicy {
        Objects.requireNonNull(secretAction, "secretAction");
        if (maxInputLength <= 0) {
            throw new IllegalArgumentException("maxInputLength must be positive");
        }
        requireUnit(piiThreshold, "piiThreshold");
        requireUnit(blockThreshold, "blockThreshold");
        requireUnit(reviewThreshold, "reviewThreshold");
        if (reviewThreshold > blockThreshold) {
            throw new IllegalArgumentException("reviewThreshold must not exceed blockThreshold");
        }
    }

    public static GuardPolicy defaults() {
        return new GuardPolicy(DEFAULT_MAX_INPUT_LENGTH, 0.7, true, SecretAction.ALERT, 0.7, 0.2);
    }

    public GuardPolicy withSecretAction(SecretAction action) {
        return new GuardPolicy(maxInputLength, piiThreshold, injectionBlock, action, blockThreshold, reviewThreshold);
    }

    public GuardPolicy withInjectionBlock(boolean block) {
        return new GuardPolicy(maxInputLength, piiThreshold, block, secretAction, blockThreshold, reviewThreshold);
    }

    public GuardPolicy withMaxInputLength(int max) {
        return new GuardPolicy(max, piiThreshold, injectionBlock, secretAction, blockThreshold, reviewThreshold);
    }

    public GuardPolicy withBlockThreshold(double threshold) {
        return new GuardPolicy(maxInputLength, piiThreshold, injectionBlock, secretAction, threshold,
                Math.min(reviewThreshold, threshold));
    }

    private static void requireUnit(double v, String name) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in 0..1: " + v);
        }
    }
}
