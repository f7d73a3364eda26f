package io.olyx.domain.gateway;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An AI gateway's id: a time-ordered UUID, as the AIVAX seed shows them. */
public record GatewayId(UUID value) {
    public GatewayId {
        Objects.requireNonNull(value, "value");
    }

    public static Optional<GatewayId> parse(String text) {
        return Uuids.parse(text).map(GatewayId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
