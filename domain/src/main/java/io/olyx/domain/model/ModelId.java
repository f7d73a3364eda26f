package io.olyx.domain.model;

import java.util.Optional;

public record ModelId(long value) {
    public ModelId {
        if (value <= 0) {
            throw new IllegalArgumentException("model id must be positive");
        }
    }

    public static Optional<ModelId> parse(String text) {
        try {
            long v = Long.parseLong(text);
            return v > 0 ? Optional.of(new ModelId(v)) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
