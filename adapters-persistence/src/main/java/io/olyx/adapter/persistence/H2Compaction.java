package io.olyx.adapter.persistence;

import io.olyx.application.jobs.FailureStreak;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded database file from growing without end. Every commit writes a new chunk to the file, and H2
 * rewrites the live pages of mostly-empty chunks (so their space can be reused) only from a background thread that
 * exists when commits are delayed. Olyx writes each commit at once (WRITE_DELAY=0: an acknowledged step is in the
 * file), so without this the file grew by about 23 KB per model call and never gave space back. Ten times a second
 * this asks H2 for the same rewrite, a small amount each time, while less than half of the chunks' space is live.
 */
final class H2Compaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);
    /** Below this share of live data in the file's chunks, the emptiest chunks are rewritten. */
    static final int TARGET_FILL_RATE = 50;
    /** Live bytes moved per round. Commits wait for H2's store lock meanwhile: 512 KB rounds cost the p99 ms. */
    private static final int BYTES_PER_ROUND = 64 * 1024;
    private static final long ROUND_MILLIS = 100;

    private final MVStore store;
    private final FailureStreak failures = new FailureStreak(Duration.ofMinutes(1));
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("olyx-h2-compaction").daemon(true).factory());

    private H2Compaction(MVStore store) {
        this.store = store;
        rounds.scheduleWithFixedDelay(this::round, ROUND_MILLIS, ROUND_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts compacting the file of the embedded H2 database behind {@code dataSource}; empty for one held in memory
     * or reached through an H2 server, which compacts its own.
     */
    static Optional<H2Compaction> start(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty();
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? Optional.empty() : Optional.of(new H2Compaction(store));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the H2 store to compact it", e);
        }
    }

    /**
     * One bounded rewrite, stored at once: until the moved pages are written, their old chunks still count as live
     * and the next round would pick the same ones again.
     *
     * @return whether there was something to rewrite
     */
    boolean round() {
        try {
            boolean rewrote = store.compact(TARGET_FILL_RATE, BYTES_PER_ROUND);
            if (rewrote) {
                store.commit();
            }
            int failedRounds = failures.ended();
            if (failedRounds > 0) {
                LOG.info("compacting the database file works again after {} failed rounds", failedRounds);
            }
            return rewrote;
        } catch (RuntimeException e) {
            if (!store.isClosed() && failures.failed(Instant.now())) {
                LOG.warn("compacting the database file failed ({} rounds in a row); trying again every {} ms",
                        failures.failures(), ROUND_MILLIS, e);
            }
            return false;
        }
    }

    int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    @Override
    public void close() {
        rounds.shutdownNow();
        try {
            rounds.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
