package io.olyx.adapter.persistence;

import java.util.UUID;

class H2ObservabilityTest extends ObservabilityContract {
    private final DatabaseSettings settings = DatabaseSettings.inMemory("observability-" + UUID.randomUUID());

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
