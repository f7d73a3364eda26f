package io.olyx.adapter.persistence;

import java.util.UUID;

class H2KnowledgeStoreTest extends KnowledgeStoreContract {
    private final DatabaseSettings settings = DatabaseSettings.inMemory("knowledge-" + UUID.randomUUID());

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
