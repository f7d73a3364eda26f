package io.olyx.application.model;

import io.olyx.domain.llm.ProviderKind;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** A new model definition as the client sends it, with the provider API key still in plain text. */
public record ModelDraft(Optional<String> name, String identifier, ProviderKind provider, Optional<String> baseUrl,
                         Optional<String> apiKey, Optional<Boolean> isPublic, Optional<BigDecimal> inputCostPer1k,
                         Optional<BigDecimal> outputCostPer1k, Optional<Integer> dataRetentionDays,
                         Optional<String> regionRestriction, Optional<String> currency,
                         Optional<Map<String, Object>> additionalConfig) {
}
