package io.olyx.adapter.persistence;

import java.util.UUID;

class H2GatewayStoreTest extends GatewayStoreContract {
    private final DatabaseSettings settings = DatabaseSettings.inMemory("gateways-" + UUID.randomUUID());

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
