package io.olyx.adapter.persistence;

class PostgresGatewayStoreTest extends GatewayStoreContract {
    private final DatabaseSettings settings = EmbeddedPostgres.freshDatabase();

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
