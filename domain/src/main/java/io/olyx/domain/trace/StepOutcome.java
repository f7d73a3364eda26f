package io.olyx.domain.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a step ended: answered, waiting on the caller's tools, stopped by policy, or failed at the provider. */
public enum StepOutcome {
    OK, TOOL_CALLS_PENDING, BLOCKED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepOutcome> parse(String wire) {
        return Arrays.stream(values()).filter(o -> o.wire().equals(wire)).findFirst();
    }
}
