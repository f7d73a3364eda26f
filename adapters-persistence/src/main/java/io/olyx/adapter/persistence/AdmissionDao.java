package io.olyx.adapter.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface AdmissionDao {
    /** Serialises admissions of one key across nodes: the key's own row is the lock. */
    @SqlQuery("SELECT id FROM api_keys WHERE id = :keyId FOR UPDATE")
    Optional<String> lockKey(@Bind("keyId") String keyId);

    @SqlQuery("SELECT COALESCE(SUM(amount), 0) FROM key_spend_minutes WHERE key_id = :keyId AND minute_no > :sinceMinute")
    BigDecimal spentSince(@Bind("keyId") String keyId, @Bind("sinceMinute") long sinceMinute);

    @SqlQuery("SELECT COALESCE(SUM(amount), 0) FROM spend_reservations WHERE key_id = :keyId AND expires_at > :now")
    BigDecimal reserved(@Bind("keyId") String keyId, @Bind("now") OffsetDateTime now);

    @SqlUpdate("INSERT INTO spend_reservations (key_id, amount, expires_at) VALUES (:keyId, :amount, :expiresAt)")
    @GetGeneratedKeys("id")
    long reserve(@Bind("keyId") String keyId, @Bind("amount") BigDecimal amount,
                 @Bind("expiresAt") OffsetDateTime expiresAt);

    @SqlUpdate("DELETE FROM spend_reservations WHERE id = :id")
    void release(@Bind("id") long id);

    @SqlUpdate("DELETE FROM spend_reservations WHERE expires_at <= :now")
    int purgeExpiredReservations(@Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE key_spend_minutes SET amount = amount + :amount WHERE key_id = :keyId AND minute_no = :minute")
    int addSpend(@Bind("keyId") String keyId, @Bind("minute") long minute, @Bind("amount") BigDecimal amount);

    @SqlUpdate("INSERT INTO key_spend_minutes (key_id, minute_no, amount) VALUES (:keyId, :minute, :amount)")
    void insertSpend(@Bind("keyId") String keyId, @Bind("minute") long minute, @Bind("amount") BigDecimal amount);

    @SqlUpdate("DELETE FROM key_spend_minutes WHERE minute_no < :beforeMinute")
    int purgeSpend(@Bind("beforeMinute") long beforeMinute);

    @SqlUpdate("UPDATE rate_counters SET count = count + 1 WHERE key_id = :keyId AND window_no = :window")
    int incrementRate(@Bind("keyId") String keyId, @Bind("window") long window);

    @SqlUpdate("INSERT INTO rate_counters (key_id, window_no, count) VALUES (:keyId, :window, 1)")
    void insertRate(@Bind("keyId") String keyId, @Bind("window") long window);

    @SqlQuery("SELECT count FROM rate_counters WHERE key_id = :keyId AND window_no = :window")
    long rateCount(@Bind("keyId") String keyId, @Bind("window") long window);

    @SqlUpdate("DELETE FROM rate_counters WHERE window_no < :beforeWindow")
    int purgeRates(@Bind("beforeWindow") long beforeWindow);
}
