package io.olyx.domain.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum StepType {
    CHECK, RUN, TOOL_CALL, LOG;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(wire)).findFirst();
    }
}
