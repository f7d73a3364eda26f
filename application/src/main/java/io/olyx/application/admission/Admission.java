package io.olyx.application.admission;

import java.time.Duration;

/** Whether a call may go ahead: refused calls carry the seed's error code and when to retry. */
public sealed interface Admission {
    record Admitted() implements Admission {
    }

    record Refused(Reason reason, String message, Duration retryAfter) implements Admission {
    }

    enum Reason {
        RATE_LIMITED("rate_limited"), LOOP_DETECTED("loop_detected"), SPEND_LIMIT("spend_limit_exceeded");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
