package io.olyx.domain.keys;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HourlyLimitTest {

    @Test
    void anyPositiveAmountWithCentsOrFinerIsALimit() {
        assertThatCode(() -> {
            ApiKey.validateLimit(new BigDecimal("0.00000001"));
            ApiKey.validateLimit(new BigDecimal("999999999999.99999999"));
        }).doesNotThrowAnyException();
    }

    @Test
    void limitsTheKeyCannotStoreExactlyAreRefusedNamingTheField() {
        for (String limit : new String[] {"1e15", "1e20", "1e-999999999", "0.123456789"}) {
            assertThatThrownBy(() -> ApiKey.validateLimit(new BigDecimal(limit))).as(limit)
                    .isInstanceOf(InvalidInput.class).hasMessageStartingWith("hourly_limit ");
        }
    }
}
