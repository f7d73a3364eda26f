package io.olyx.adapter.persistence;

class PostgresPersistenceTest extends PersistenceContract {
    private DatabaseSettings settings;

    @Override
    DatabaseSettings settings() {
        if (settings == null) {
            settings = EmbeddedPostgres.freshDatabase();
        }
        return settings;
    }
}
