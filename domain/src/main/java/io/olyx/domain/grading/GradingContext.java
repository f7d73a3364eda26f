package io.olyx.domain.grading;

import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.ProjectSettings;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the grader needs to know about the project besides the trace: its model catalogue (price decides which model
 * is "more capable"), which model each routing tier names, and the thresholds.
 */
public record GradingContext(Map<String, CatalogueModel> catalogue, Map<String, String> routingTiers,
                             GradingThresholds thresholds) {

    public GradingContext {
        catalogue = Map.copyOf(catalogue);
        routingTiers = Map.copyOf(routingTiers);
        Objects.requireNonNull(thresholds, "thresholds");
        catalogue.forEach((identifier, model) -> {
            if (!identifier.equals(model.identifier())) {
                throw new IllegalArgumentException("catalogue key must be the model identifier: " + identifier);
            }
        });
    }

    /** A registered model as grading sees it: its price and whether it is a public-cloud model. */
    public record CatalogueModel(String identifier, Pricing pricing, boolean isPublic) {
        public CatalogueModel {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(pricing, "pricing");
        }
    }

    public static GradingContext of(Collection<ModelDefinition> models, ProjectSettings settings) {
        Map<String, CatalogueModel> catalogue = new LinkedHashMap<>();
        models.forEach(m -> catalogue.put(m.identifier(), new CatalogueModel(m.identifier(), m.pricing(), m.isPublic())));
        Map<String, String> tiers = new LinkedHashMap<>();
        ProjectSettings.TIERS.forEach(tier -> settings.tierModel(tier).ifPresent(model -> tiers.put(tier, model)));
        return new GradingContext(catalogue, tiers, GradingThresholds.orDefaults(settings));
    }

    public static GradingContext of(Collection<CatalogueModel> models, Map<String, String> routingTiers,
                                    GradingThresholds thresholds) {
        Map<String, CatalogueModel> catalogue = new LinkedHashMap<>();
        models.forEach(m -> catalogue.put(m.identifier(), m));
        return new GradingContext(catalogue, routingTiers, thresholds);
    }

    public Optional<CatalogueModel> model(String identifier) {
        return Optional.ofNullable(catalogue.get(identifier));
    }

    /** The catalogue model the project's routing_tiers names for this tier, when both exist. */
    public Optional<CatalogueModel> tierModel(String tier) {
        return Optional.ofNullable(routingTiers.get(tier)).flatMap(this::model);
    }

    /** The cheapest catalogue model for this token mix (ties broken by identifier), optionally private ones only. */
    public Optional<CatalogueModel> cheapest(long promptTokens, long completionTokens, boolean privateOnly) {
        return catalogue.values().stream()
                .filter(m -> !privateOnly || !m.isPublic())
                .min(Comparator.comparing((CatalogueModel m) -> PriceIndex.of(m.pricing(), promptTokens, completionTokens))
                        .thenComparing(CatalogueModel::identifier));
    }
}
