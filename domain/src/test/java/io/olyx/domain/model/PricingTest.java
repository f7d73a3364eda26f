package io.olyx.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.project.ProjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void aPricePerImageMustFitTheStepCostColumnToo() {
        assertThatThrownBy(() -> imageModel(new BigDecimal("1e500")).validatedForSaving()).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("additional_config.price_per_image must be less than");
    }

    /** A string would be stored as given and every image priced at 0: wrong JSON types are never coerced. */
    @Test
    void aPricePerImageMustBeANumber() {
        assertThatThrownBy(() -> imageModel("1").validatedForSaving()).isInstanceOf(InvalidInput.class)
                .hasMessage("additional_config.price_per_image must be a number");
        assertThat(imageModel(new BigDecimal("0.04")).validatedForSaving().pricePerImage())
                .isEqualByComparingTo("0.04");
    }

    @Test
    void aNegativePricePerImageIsRefusedAndOneStoredBeforeTheCheckIsUnpriced() {
        assertThatThrownBy(() -> imageModel(new BigDecimal("-0.04")).validatedForSaving())
                .isInstanceOf(InvalidInput.class).hasMessage("additional_config.price_per_image must not be negative");
        assertThat(imageModel(new BigDecimal("-0.04")).pricePerImage()).isZero();
        assertThat(imageModel("0.04").pricePerImage()).isZero();
    }

    private static ModelDefinition imageModel(Object pricePerImage) {
        return new ModelDefinition(new ModelId(1), new ProjectId(1), "dall-e", "dall-e", ProviderKind.OPENAI,
                Optional.empty(), Optional.empty(), true, Pricing.free(), 30, "global", "USD",
                Map.of("price_per_image", pricePerImage), Instant.EPOCH, Instant.EPOCH);
    }
}
