package io.olyx.adapter.persistence;

import java.nio.file.Path;
import java.util.Objects;

/** Where the database is: an H2 file under the data directory by default, or any PostgreSQL URL. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
    }

    /**
     * H2 in PostgreSQL mode so one set of migrations and queries serves both. WRITE_DELAY=0 writes each commit to the
     * file at once: a committed (acknowledged) step survives a crash of the Olyx process. DB_CLOSE_ON_EXIT=FALSE
     * leaves closing to Olyx's own shutdown, which first drains in-flight work into the database.
     */
    public static DatabaseSettings embedded(Path dataDir, int maxPoolSize) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve("olyx");
        return new DatabaseSettings("jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "olyx", "",
                maxPoolSize);
    }

    public static DatabaseSettings inMemory(String name) {
        return new DatabaseSettings("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", 8);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
