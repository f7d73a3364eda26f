package io.olyx.adapter.persistence;

import java.util.UUID;

class H2TextLimitsTest extends TextLimitsContract {
    private final DatabaseSettings settings = DatabaseSettings.inMemory("text-limits-" + UUID.randomUUID());

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
