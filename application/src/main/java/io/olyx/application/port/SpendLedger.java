package io.olyx.application.port;

import io.olyx.domain.keys.ApiKeyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Hourly spend per key, shared by all nodes. Reserving is atomic per key (the key's row is locked while the window
 * is summed and the reservation written), so concurrent calls on any number of nodes cannot overshoot together.
 */
public interface SpendLedger {
    /** A reservation id when spent + reserved + amount stays within limit over the hour before now; else empty. */
    Optional<Long> reserve(ApiKeyId key, BigDecimal limit, BigDecimal amount, Instant now);

    /** Replaces the reservation with what the call really cost. */
    void settle(long reservationId, ApiKeyId key, BigDecimal actual, Instant now);

    /** Recorded (settled) spend of the last hour. */
    BigDecimal spentLastHour(ApiKeyId key, Instant now);
}
