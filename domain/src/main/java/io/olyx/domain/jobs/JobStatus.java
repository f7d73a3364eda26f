package io.olyx.domain.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JobStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
