package io.olyx.adapter.persistence;

import io.olyx.application.port.LoopHistory;
import io.olyx.application.port.RateCounter;
import io.olyx.application.port.SpendLedger;
import io.olyx.domain.admission.SpendReservation;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.trace.TraceId;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Spend windows, reservations, rate counters and loop history in the shared database. Spend is kept per key per
 * minute; the hour is the sum of the last 60 minutes. Every read-check-write on a key's spend runs with the key's row
 * locked, which is what makes the cap hold when many requests race on many nodes.
 */
final class JdbiAdmissionStore implements SpendLedger, RateCounter, LoopHistory {
    /** A reservation left by a crashed node stops counting after this; longer than any sane model call. */
    static final Duration RESERVATION_LIFETIME = Duration.ofMinutes(15);
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final AdmissionDao dao;

    private final HotPath hotPath;

    JdbiAdmissionStore(Jdbi jdbi, HotPath hotPath) {
        this.jdbi = jdbi;
        this.dao = ForeignKeys.onDemand(jdbi, AdmissionDao.class);
        this.hotPath = hotPath;
    }

    @Override
    public Optional<Long> reserve(ApiKeyId key, BigDecimal limit, BigDecimal amount, Instant now) {
        return jdbi.inTransaction(handle -> {
            AdmissionDao tx = handle.attach(AdmissionDao.class);
            if (tx.lockKey(key.value()).isEmpty()) {
                return Optional.<Long>empty();
            }
            BigDecimal spent = tx.spentSince(key.value(), minute(now.minus(SpendReservation.WINDOW)));
            BigDecimal reserved = tx.reserved(key.value(), Rows.utc(now));
            if (!SpendReservation.fits(limit, spent, reserved, amount)) {
                return Optional.<Long>empty();
            }
            return Optional.of(tx.reserve(key.value(), amount, Rows.utc(now.plus(RESERVATION_LIFETIME))));
        });
    }

    @Override
    public void settle(long reservationId, ApiKeyId key, BigDecimal actual, Instant now) {
        jdbi.useTransaction(handle -> {
            AdmissionDao tx = handle.attach(AdmissionDao.class);
            tx.lockKey(key.value());
            if (actual.signum() > 0 && tx.addSpend(key.value(), minute(now), actual) == 0) {
                tx.insertSpend(key.value(), minute(now), actual);
            }
            tx.release(reservationId);
        });
    }

    @Override
    public BigDecimal spentLastHour(ApiKeyId key, Instant now) {
        return dao.spentSince(key.value(), minute(now.minus(SpendReservation.WINDOW)));
    }

    @Override
    public long increment(ApiKeyId key, long window) {
        if (dao.incrementRate(key.value(), window) == 0) {
            try {
                dao.insertRate(key.value(), window);
            } catch (UnableToExecuteStatementException e) {
                if (!(e.getCause() instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw e;
                }
                dao.incrementRate(key.value(), window);
            }
        }
        return dao.rateCount(key.value(), window);
    }

    /** Runs on every model call: plain JDBC (see HotPath). */
    @Override
    public long count(TraceId trace, String fingerprint, Instant since) {
        return hotPath.count("SELECT COUNT(*) FROM steps WHERE trace_id = ? AND fingerprint = ? AND created_at >= ?",
                trace.value(), fingerprint, Rows.utc(since));
    }

    /** Drops spend minutes older than the window, stale reservations and past rate windows. */
    int purge(Instant now) {
        return dao.purgeSpend(minute(now.minus(SpendReservation.WINDOW)) - 1)
                + dao.purgeExpiredReservations(Rows.utc(now))
                + dao.purgeRates(now.getEpochSecond() / 60 - 1);
    }

    private static long minute(Instant at) {
        return at.getEpochSecond() / 60;
    }
}
