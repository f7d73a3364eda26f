package io.olyx.domain.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    static void storable(String amount, int decimals) {
        Money.requireStorable(new BigDecimal(amount), decimals, "revenue");
    }

    @Test
    void amountsThatFitTheirColumnExactlyAreStorable() {
        assertThatCode(() -> {
            storable("999999999999.99999999", 8);
            storable("0.12345678", 8);
            storable("1.500000000000", 8);
            storable("1E+11", 8);
            storable("0E-30", 8);
            storable("0.000000000001", 12);
        }).doesNotThrowAnyException();
    }

    @Test
    void moreDecimalPlacesThanStoredAreRefusedRatherThanRounded() {
        assertThatThrownBy(() -> storable("0.123456789123456789", 8)).isInstanceOf(InvalidInput.class)
                .hasMessage("revenue may have at most 8 decimal places");
        assertThatThrownBy(() -> storable("1e-30", 8)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> storable("0.0000000000001", 12)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aTrillionOrMoreIsRefused() {
        assertThatThrownBy(() -> storable("1e12", 8)).isInstanceOf(InvalidInput.class)
                .hasMessage("revenue must be less than 1000000000000 (10^12)")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("revenue");
        assertThatThrownBy(() -> storable("-1000000000000", 8)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> storable("1e999999999", 12)).isInstanceOf(InvalidInput.class);
    }
}
