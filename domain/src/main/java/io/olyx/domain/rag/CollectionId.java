package io.olyx.domain.rag;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A knowledge collection's id: a time-ordered UUID, opaque to clients as the AIVAX seed shows it. */
public record CollectionId(UUID value) {
    public CollectionId {
        Objects.requireNonNull(value, "value");
    }

    public static Optional<CollectionId> parse(String text) {
        return Uuids.parse(text).map(CollectionId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
