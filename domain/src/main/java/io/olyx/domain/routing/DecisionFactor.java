package io.olyx.domain.routing;

import java.util.Locale;
import java.util.Objects;

/** One reason behind a {@link RoutingDecision}, shown to users to explain the tier. */
public sealed interface DecisionFactor {

    /** Human-readable form, e.g. {@code "math_symbols +0.18"} or {@code "sensitive → secure"}. */
    String describe();

    /** A feature (or the baseline) added {@code amount} to the complexity score. */
    record Contribution(String name, double amount) implements DecisionFactor {
        public Contribution {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(amount)) {
                throw new IllegalArgumentException("amount must be finite, was " + amount);
            }
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s %+.2f", name, amount);
        }
    }

    /** A rule that decided the tier regardless of the score. */
    record Rule(String name, Tier tier) implements DecisionFactor {
        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tier, "tier");
        }

        @Override
        public String describe() {
            return name + " → " + tier.wire();
        }
    }
}
