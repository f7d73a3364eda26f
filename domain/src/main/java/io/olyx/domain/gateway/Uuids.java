package io.olyx.domain.gateway;

import java.util.Optional;
import java.util.UUID;

/** UUID ids as clients send them: exactly the 36-character form, anything else is no id at all. */
public final class Uuids {
    private Uuids() {
    }

    public static Optional<UUID> parse(String text) {
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
