package io.olyx.domain.gateway;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record MemoryId(UUID value) {
    public MemoryId {
        Objects.requireNonNull(value, "value");
    }

    public static Optional<MemoryId> parse(String text) {
        return Uuids.parse(text).map(MemoryId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
