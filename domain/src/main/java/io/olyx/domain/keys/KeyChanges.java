package io.olyx.domain.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A PATCH on a key. The outer Optional says whether the field was sent; for hourly_limit and expires_at an empty
 * inner Optional means "set to null" (no cap, no expiry).
 */
public record KeyChanges(Optional<String> name, Optional<KeyStatus> status,
                         Optional<Optional<BigDecimal>> hourlyLimit, Optional<Optional<Instant>> expiresAt) {
}
