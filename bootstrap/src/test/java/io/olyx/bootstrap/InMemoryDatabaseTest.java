package io.olyx.bootstrap;

import io.olyx.adapter.persistence.Database;
import io.olyx.adapter.persistence.DatabaseSettings;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Use cases over the real persistence adapter on a fresh in-memory H2, with a clock the test sets. */
abstract class InMemoryDatabaseTest {
    static final Instant NOW = Instant.parse("2026-04-12T09:41:07Z");

    final SettableClock clock = new SettableClock(NOW);
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.inMemory(getClass().getSimpleName() + "-" + UUID.randomUUID()));
    }

    @AfterEach
    void close() {
        db.close();
    }
}
