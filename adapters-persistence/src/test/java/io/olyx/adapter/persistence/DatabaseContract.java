package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A contract run against H2 and against a real PostgreSQL by its subclasses: one open database per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {
    Database db;

    abstract DatabaseSettings settings();

    /** Opens the database and checks every contract runs on the whole schema: each migration applied, none failed. */
    @BeforeAll
    void open() {
        db = Database.open(settings());
        DatabaseSettings settings = settings();
        MigrationInfoService migrations = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").load().info();
        assertThat(migrations.pending()).as("migrations left unapplied").isEmpty();
        assertThat(migrations.applied()).as("migrations applied")
                .allSatisfy(m -> assertThat(m.getState().isFailed()).as(m.getScript()).isFalse())
                .hasSameSizeAs(migrations.all());
    }

    @AfterAll
    void close() {
        db.close();
    }
}
