package io.olyx.domain.model;

import io.olyx.domain.llm.ProviderKind;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** A PATCH on a model definition; for base_url and api_key an empty inner Optional clears the value. */
public record ModelChanges(Optional<String> name, Optional<String> identifier, Optional<ProviderKind> provider,
                           Optional<Optional<String>> baseUrl, Optional<Optional<SealedSecret>> apiKey,
                           Optional<Boolean> isPublic, Optional<BigDecimal> inputCostPer1k,
                           Optional<BigDecimal> outputCostPer1k, Optional<Integer> dataRetentionDays,
                           Optional<String> regionRestriction, Optional<String> currency,
                           Optional<Map<String, Object>> additionalConfigPatch) {

    /** These changes with the api_key left out (kept as stored). */
    public ModelChanges withoutApiKey() {
        return new ModelChanges(name, identifier, provider, baseUrl, Optional.empty(), isPublic, inputCostPer1k,
                outputCostPer1k, dataRetentionDays, regionRestriction, currency, additionalConfigPatch);
    }
}
