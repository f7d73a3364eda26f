package io.olyx.domain.model;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonMergePatch;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.project.ProjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A model a project may call: where it lives, how it is priced, what to fall back to. The provider API key is held
 * only sealed (encrypted); {@code hasApiKey} is all the outside world learns about it.
 */
public record ModelDefinition(ModelId id, ProjectId projectId, String name, String identifier, ProviderKind provider,
                              Optional<String> baseUrl, Optional<SealedSecret> apiKey, boolean isPublic,
                              Pricing pricing, int dataRetentionDays, String regionRestriction, String currency,
                              Map<String, Object> additionalConfig, Instant createdAt, Instant updatedAt) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_INFRASTRUCTURE = 64;

    public ModelDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        validateIdentifier(identifier);
        name = name == null || name.isBlank() ? identifier : name;
        InvalidInput.require(Characters.count(name) <= 200, "name", "name must be at most 200 characters");
        baseUrl.ifPresent(ModelDefinition::validateBaseUrl);
        InvalidInput.require(dataRetentionDays >= 1 && dataRetentionDays <= 3650, "data_retention_days",
                "data_retention_days must be between 1 and 3650");
        regionRestriction = regionRestriction == null || regionRestriction.isBlank() ? "global" : regionRestriction;
        InvalidInput.require(Characters.count(regionRestriction) <= 64, "region_restriction",
                "region_restriction is too long");
        currency = currency == null ? "CAD" : currency;
        InvalidInput.require(CURRENCY.matcher(currency).matches(), "currency",
                "currency must be a 3-letter code such as USD");
        additionalConfig = JsonValues.freezeObject(additionalConfig == null ? Map.of() : additionalConfig);
        Object fallback = additionalConfig.get("fallback_identifier");
        InvalidInput.require(fallback == null || fallback instanceof String, "additional_config.fallback_identifier",
                "fallback_identifier must be a model identifier");
        InvalidInput.require(!identifier.equals(fallback), "additional_config.fallback_identifier",
                "a model cannot fall back to itself");
        // the bucket is recorded on every step of the model (steps.infrastructure), so it must fit there
        if (additionalConfig.get("infrastructure") != null) {
            InvalidInput.requireName(additionalConfig.get("infrastructure"), MAX_INFRASTRUCTURE,
                    "additional_config.infrastructure");
        }
    }

    public static void validateIdentifier(String identifier) {
        InvalidInput.require(identifier != null && IDENTIFIER.matcher(identifier).matches(), "identifier",
                "identifier is required: 1-200 characters of letters, digits and . _ : / @ + -");
    }

    private static void validateBaseUrl(String url) {
        InvalidInput.require(Characters.count(url) <= 2000 && (url.startsWith("http://") || url.startsWith("https://")),
                "base_url", "base_url must be an http(s) URL");
    }

    /**
     * Checks the additional_config keys Olyx reads ({@link ModelConfig#validate}); called before a model is saved,
     * not on load, so a row stored before a check existed can still be read and corrected.
     */
    public ModelDefinition validatedForSaving() {
        ModelConfig.validate(additionalConfig);
        return this;
    }

    /** USD per generated image, 0 when unpriced (see {@link ModelConfig#pricePerImage}). */
    public BigDecimal pricePerImage() {
        return ModelConfig.pricePerImage(additionalConfig);
    }

    public Optional<String> fallbackIdentifier() {
        return JsonValues.string(additionalConfig, "fallback_identifier").filter(s -> !s.isBlank());
    }

    /** The cost-reporting bucket: additional_config.infrastructure, else public cloud vs private by is_public. */
    public String infrastructure() {
        return JsonValues.string(additionalConfig, "infrastructure")
                .orElse(isPublic ? "public_cloud" : "private");
    }

    /** The model name sent to the provider: additional_config.model, else the identifier. */
    public String providerModel() {
        return JsonValues.string(additionalConfig, "model").filter(s -> !s.isBlank()).orElse(identifier);
    }

    /** The model with {@code c} applied, or this very model when they change nothing (no new updatedAt). */
    public ModelDefinition updated(ModelChanges c, Instant now) {
        ModelDefinition changed = new ModelDefinition(id, projectId,
                c.name().orElse(name), c.identifier().orElse(identifier), c.provider().orElse(provider),
                c.baseUrl().orElse(baseUrl), c.apiKey().orElse(apiKey), c.isPublic().orElse(isPublic),
                new Pricing(c.inputCostPer1k().orElse(pricing.inputPer1k()),
                        c.outputCostPer1k().orElse(pricing.outputPer1k())),
                c.dataRetentionDays().orElse(dataRetentionDays), c.regionRestriction().orElse(regionRestriction),
                c.currency().orElse(currency),
                c.additionalConfigPatch().map(p -> JsonMergePatch.apply(additionalConfig, p))
                        .orElse(additionalConfig),
                createdAt, updatedAt);
        return changed.equals(this) ? this : changed.touched(now);
    }

    private ModelDefinition touched(Instant now) {
        return new ModelDefinition(id, projectId, name, identifier, provider, baseUrl, apiKey, isPublic, pricing,
                dataRetentionDays, regionRestriction, currency, additionalConfig, createdAt, now);
    }
}
