package io.olyx.adapter.persistence;

class PostgresAbandonedClaimsTest extends AbandonedClaimsContract {
    private DatabaseSettings settings;

    @Override
    DatabaseSettings settings() {
        if (settings == null) {
            settings = EmbeddedPostgres.freshDatabase();
        }
        return settings;
    }
}
