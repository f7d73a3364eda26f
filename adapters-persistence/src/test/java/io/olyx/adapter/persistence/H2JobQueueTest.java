package io.olyx.adapter.persistence;

import java.util.UUID;

class H2JobQueueTest extends JobQueueContract {
    private final DatabaseSettings settings = DatabaseSettings.inMemory("jobs-" + UUID.randomUUID());

    @Override
    DatabaseSettings settings() {
        return settings;
    }
}
