package io.olyx.domain.project;

import java.util.Optional;

public record ProjectId(long value) {
    public ProjectId {
        if (value <= 0) {
            throw new IllegalArgumentException("project id must be positive");
        }
    }

    public static Optional<ProjectId> parse(String text) {
        try {
            long v = Long.parseLong(text);
            return v > 0 ? Optional.of(new ProjectId(v)) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
