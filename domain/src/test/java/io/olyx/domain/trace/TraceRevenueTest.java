package io.olyx.domain.trace;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TraceRevenueTest {

    @Test
    void revenueUpToEightDecimalPlacesIsKept() {
        assertThatCode(() -> Trace.validateRevenue(new BigDecimal("0.12345678"))).doesNotThrowAnyException();
    }

    @Test
    void revenueThatWouldBeRoundedOrCannotBeStoredIsRefused() {
        assertThatThrownBy(() -> Trace.validateRevenue(new BigDecimal("0.123456789123456789")))
                .isInstanceOf(InvalidInput.class).hasMessage("revenue may have at most 8 decimal places");
        assertThatThrownBy(() -> Trace.validateRevenue(new BigDecimal("1e-30"))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Trace.validateRevenue(new BigDecimal("1e12"))).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("revenue must be less than");
        assertThatThrownBy(() -> Trace.validateRevenue(new BigDecimal("-1")))
                .hasMessage("revenue must not be negative");
    }
}
