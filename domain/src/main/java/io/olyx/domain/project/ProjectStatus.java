package io.olyx.domain.project;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum ProjectStatus {
    ACTIVE, ARCHIVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProjectStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
