package io.olyx.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricingTest {

    @Test
    void pricesKeepTwelveDecimalPlaces() {
        Pricing pricing = new Pricing(new BigDecimal("0.000000000001"), new BigDecimal("999999999999.5"));

        assertThat(pricing.inputPer1k()).isEqualByComparingTo("0.000000000001");
    }

    @Test
    void pricesTheRegistryCannotStoreExactlyAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new Pricing(new BigDecimal("1e15"), BigDecimal.ONE)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("input_cost_per_1k must be less than");
        assertThatThrownBy(() -> new Pricing(BigDecimal.ONE, new BigDecimal("0.0000000000001")))
                .isInstanceOf(InvalidInput.class).hasMessage("output_cost_per_1k may have at most 12 decimal places");
    }
}
