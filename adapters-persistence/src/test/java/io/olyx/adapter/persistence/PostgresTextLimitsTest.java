package io.olyx.adapter.persistence;

class PostgresTextLimitsTest extends TextLimitsContract {
    private final DatabaseSettings settings = EmbeddedPostgres.freshDatabase();

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
