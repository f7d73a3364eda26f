package io.olyx.application.admission;

import io.olyx.domain.keys.ApiKeyId;
import java.math.BigDecimal;
import java.util.Optional;

/** Money held against a key's cap while its call runs; settled with the real cost afterwards. */
public record SpendHold(ApiKeyId key, Optional<Long> reservationId, BigDecimal amount) {
    public static SpendHold none(ApiKeyId key) {
        return new SpendHold(key, Optional.empty(), BigDecimal.ZERO);
    }
}
