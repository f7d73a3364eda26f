package io.olyx.adapter.persistence;

class PostgresJobQueueTest extends JobQueueContract {
    private final DatabaseSettings settings = EmbeddedPostgres.freshDatabase();

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
