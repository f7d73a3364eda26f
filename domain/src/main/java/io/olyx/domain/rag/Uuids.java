package io.olyx.domain.rag;

import java.util.Optional;
import java.util.UUID;

/** Strict UUID parsing: only the canonical 36-character form, so "1-1-1-1-1" is not an id. */
final class Uuids {
    private Uuids() {
    }

    static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
