package io.olyx.application.replay;

import io.olyx.application.admission.Admission;

/**
 * What admission refusing a replayed step means for the replay: a rate limit passes, so the job is retried later
 * (and resumes where it stopped); a spend cap or a detected loop pauses the key, so the replay fails with the reason.
 */
final class ReplayRefusals {
    private ReplayRefusals() {
    }

    static RuntimeException of(Admission.Refused refusal) {
        return switch (refusal.reason()) {
            case RATE_LIMITED -> new IllegalStateException("rate limited; the replay resumes on retry");
            case SPEND_LIMIT, LOOP_DETECTED -> new ReplayFailed(refusal.message());
        };
    }
}
