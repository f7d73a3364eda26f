package io.olyx.adapter.persistence;

import java.util.UUID;

class H2PersistenceTest extends PersistenceContract {
    private final DatabaseSettings settings = DatabaseSettings.inMemory("persistence-" + UUID.randomUUID());

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
