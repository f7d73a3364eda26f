package io.olyx.adapter.persistence;

class PostgresObservabilityTest extends ObservabilityContract {
    private DatabaseSettings settings;

    @Override
    DatabaseSettings settings() {
        if (settings == null) {
            settings = EmbeddedPostgres.freshDatabase();
        }
        return settings;
    }
}
