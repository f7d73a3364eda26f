package io.olyx.application.pipeline;

import io.olyx.application.model.ModelCatalog;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.routing.ComplexityClassifier;
import io.olyx.domain.routing.RoutingDecision;
import io.olyx.domain.routing.RoutingInput;
import io.olyx.domain.routing.RoutingThresholds;
import io.olyx.domain.routing.Tier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the model for a request: the classifier's tier through the project's routing_tiers, or an explicit registry
 * identifier; then the fallback chain of additional_config.fallback_identifier. Sensitive requests only ever go to
 * private models, and their fallback chain is cut where it would leave private infrastructure.
 */
public final class RouteResolver {
    public static final int MAX_FALLBACKS = 5;
    static final String NO_PRIVATE_MODEL = "No private model configured for sensitive routing";

    private final ComplexityClassifier classifier;
    private final ModelCatalog catalog;

    public RouteResolver(ComplexityClassifier classifier, ModelCatalog catalog) {
        this.classifier = classifier;
        this.catalog = catalog;
    }

    public Route routed(Project project, RoutingInput input) {
        Map<String, Object> routingSettings = project.settings().section("routing", Map.of());
        boolean mediumTier = project.settings().tierModel(Tier.MEDIUM.wire()).isPresent();
        RoutingDecision decision = classifier.classify(input,
                RoutingThresholds.fromSettings(routingSettings, mediumTier));
        String tier = decision.tier().wire();
        Optional<ModelDefinition> model = project.settings().tierModel(tier)
                .flatMap(identifier -> catalog.find(project.id(), identifier));
        if (decision.tier() == Tier.SECURE) {
            return model.filter(m -> !m.isPublic())
                    .<Route>map(m -> new Route.Resolved(Optional.of(decision), Optional.of(tier),
                            fallbackPath(project.id(), m, true)))
                    .orElseGet(() -> new Route.Blocked(tier, NO_PRIVATE_MODEL));
        }
        if (model.isEmpty()) {
            String reason = project.settings().tierModel(tier)
                    .map(id -> "The " + tier + " tier names \"" + id + "\", which is not registered in this project")
                    .orElse("No model configured for the " + tier + " tier");
            return new Route.Unconfigured(tier, reason);
        }
        return new Route.Resolved(Optional.of(decision), Optional.of(tier),
                fallbackPath(project.id(), model.get(), false));
    }

    public Route explicit(Project project, String identifier, boolean sensitive) {
        return catalog.find(project.id(), identifier)
                .<Route>map(m -> new Route.Resolved(Optional.empty(), Optional.empty(),
                        fallbackPath(project.id(), m, sensitive && !m.isPublic())))
                .orElseGet(() -> new Route.UnknownModel(identifier));
    }

    /** The primary model then its fallbacks, without cycles, at most {@value #MAX_FALLBACKS} deep. */
    public List<ModelDefinition> fallbackPath(ProjectId project, ModelDefinition primary, boolean privateOnly) {
        List<ModelDefinition> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<ModelDefinition> next = Optional.of(primary);
        while (next.isPresent() && path.size() <= MAX_FALLBACKS && seen.add(next.get().identifier())) {
            if (privateOnly && next.get().isPublic()) {
                break;
            }
            path.add(next.get());
            next = next.get().fallbackIdentifier().flatMap(id -> catalog.find(project, id));
        }
        return path;
    }
}
