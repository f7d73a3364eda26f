package io.olyx.adapter.persistence;

class PostgresKnowledgeStoreTest extends KnowledgeStoreContract {
    private DatabaseSettings settings;

    @Override
    DatabaseSettings settings() {
        if (settings == null) {
            settings = EmbeddedPostgres.freshDatabase();
        }
        return settings;
    }
}
