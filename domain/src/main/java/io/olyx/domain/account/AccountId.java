package io.olyx.domain.account;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record AccountId(UUID value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static Optional<AccountId> parse(String text) {
        try {
            return Optional.of(new AccountId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
