package io.olyx.domain.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an account may do on the control plane; ordered from most to least powerful. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst();
    }

    public boolean atLeast(Role required) {
        return ordinal() <= required.ordinal();
    }

    /** Only an owner can hand out the owner role; admins can create admins and members. */
    public boolean canGrant(Role granted) {
        return this == OWNER || (this == ADMIN && granted != OWNER);
    }
}
