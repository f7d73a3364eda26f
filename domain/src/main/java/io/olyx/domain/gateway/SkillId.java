package io.olyx.domain.gateway;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record SkillId(UUID value) {
    public SkillId {
        Objects.requireNonNull(value, "value");
    }

    public static Optional<SkillId> parse(String text) {
        return Uuids.parse(text).map(SkillId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
