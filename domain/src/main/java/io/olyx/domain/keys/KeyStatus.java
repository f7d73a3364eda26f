package io.olyx.domain.keys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum KeyStatus {
    ACTIVE, TRIPPED, LOOP_DETECTED, REVOKED, EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KeyStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    /**
     * An admin may reset a paused key to active or pause/revoke it by hand; expiry is a fact of time and revocation is
     * final, so neither can be undone through PATCH. An expired key can still be revoked, which also makes its end
     * independent of its expiry date.
     */
    public boolean canChangeTo(KeyStatus target) {
        return switch (this) {
            case REVOKED -> target == this;
            case EXPIRED -> target == this || target == REVOKED;
            case ACTIVE, TRIPPED, LOOP_DETECTED -> target != EXPIRED;
        };
    }
}
