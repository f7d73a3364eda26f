package io.olyx.domain.model;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.common.Money;
import io.olyx.domain.llm.ModelEndpoint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The additional_config keys Olyx reads, checked when a model is registered or changed, so a bad value is a 422
 * naming the key rather than a call that fails or ignores it later. Keys Olyx does not read are the client's own and
 * pass unchecked. Rows stored before a check existed are still loaded: readers such as {@link #pricePerImage} do not
 * trust them.
 */
public final class ModelConfig {
    private static final String PRICE_PER_IMAGE = "price_per_image";
    /** Provider-side names and versions, sent as text. */
    private static final List<String> TEXTS = List.of("model", "deployment", "api_version", "region",
            "anthropic_version");
    private static final long MAX_INT = Integer.MAX_VALUE;
    /** Whole numbers and their range: milliseconds, token and vector counts, and a byte count one array holds. */
    private static final List<Map.Entry<String, Long>> WHOLE_NUMBERS = List.of(
            Map.entry("connect_timeout_ms", MAX_INT), Map.entry("request_timeout_ms", MAX_INT),
            Map.entry("stream_idle_timeout_ms", MAX_INT),
            Map.entry("max_answer_bytes", ModelEndpoint.MAX_ANSWER_BYTES_LIMIT),
            Map.entry("max_tokens", MAX_INT), Map.entry("dimensions", MAX_INT));

    private ModelConfig() {
    }

    /** Throws {@link InvalidInput} naming the first documented key whose value Olyx cannot use. */
    public static void validate(Map<String, Object> config) {
        for (String key : TEXTS) {
            Object value = config.get(key);
            InvalidInput.require(value == null || value instanceof String, "additional_config." + key,
                    "additional_config." + key + " must be a string");
        }
        for (Map.Entry<String, Long> bounded : WHOLE_NUMBERS) {
            Object value = config.get(bounded.getKey());
            String field = "additional_config." + bounded.getKey();
            InvalidInput.require(value == null || JsonValues.decimal(value)
                            .filter(n -> JsonValues.wholeNumberProblem(n, 1, bounded.getValue()).isEmpty()).isPresent(),
                    field, field + " must be a whole number from 1 to " + bounded.getValue());
        }
        Object imagePrice = config.get(PRICE_PER_IMAGE);
        if (imagePrice != null) {
            String field = "additional_config." + PRICE_PER_IMAGE;
            BigDecimal price = JsonValues.decimal(imagePrice)
                    .orElseThrow(() -> new InvalidInput(field, field + " must be a number"));
            InvalidInput.require(price.signum() >= 0, field, field + " must not be negative");
            Money.requireStorable(price, Money.PRICE_DECIMALS, field);
        }
    }

    /**
     * USD per generated image; 0 (unpriced) when absent, and also when a row stored before the check holds a negative
     * or non-numeric value, so a call never computes a negative cost or spend hold from it.
     */
    public static BigDecimal pricePerImage(Map<String, Object> config) {
        return JsonValues.number(config, PRICE_PER_IMAGE).filter(p -> p.signum() >= 0).orElse(BigDecimal.ZERO);
    }
}
