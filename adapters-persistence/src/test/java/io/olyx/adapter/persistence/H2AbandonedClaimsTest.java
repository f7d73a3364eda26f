package io.olyx.adapter.persistence;

import java.util.UUID;

class H2AbandonedClaimsTest extends AbandonedClaimsContract {
    private final DatabaseSettings settings = DatabaseSettings.inMemory("abandoned-claims-" + UUID.randomUUID());

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
