package io.olyx.domain.routing;

import java.util.Optional;

/** The routing tiers a project maps to models in its {@code routing_tiers} setting. */
public enum Tier {
    /** Short, low-stakes prompts: the project's cheapest model. */
    SIMPLE("simple"),
    /**
     * Between the two, for projects that map this tier (AI gateways' {@code mediumComplexityModelName}): scores from
     * {@code medium_threshold} up to the complex threshold. Without a medium model those requests stay simple.
     */
    MEDIUM("medium"),
    /** Long context, reasoning-heavy or multi-step prompts: the project's most capable model. */
    COMPLEX("complex"),
    /** Requests flagged as sensitive: the project's private or internal model route. */
    SECURE("secure");

    private final String wireName;

    Tier(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in the API and in project settings ({@code "simple"}, {@code "medium"}, {@code "complex"},
     * {@code "secure"}).
     */
    public String wire() {
        return wireName;
    }

    public static Optional<Tier> fromWireName(String name) {
        for (Tier tier : values()) {
            if (tier.wireName.equals(name)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}
