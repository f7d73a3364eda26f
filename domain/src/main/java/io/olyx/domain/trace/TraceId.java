package io.olyx.domain.trace;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Opaque to clients (seed 002); a time-ordered UUID here so new traces land at the end of the index. */
public record TraceId(UUID value) {
    public TraceId {
        Objects.requireNonNull(value, "value");
    }

    public static Optional<TraceId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TraceId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
