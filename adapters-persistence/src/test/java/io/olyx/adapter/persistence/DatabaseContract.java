package io.olyx.adapter.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A contract run against H2 and against a real PostgreSQL by its subclasses: one open database per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {
    Database db;

    abstract DatabaseSettings settings();

    @BeforeAll
    void open() {
        db = Database.open(settings());
    }

    @AfterAll
    void close() {
        db.close();
    }
}
