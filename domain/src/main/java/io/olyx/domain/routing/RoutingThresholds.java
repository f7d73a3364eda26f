package io.olyx.domain.routing;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Per-project knobs of the complexity classifier, read from {@code settings.routing}.
 *
 * @param complexThreshold      score (0..1) at or above which a request goes to the complex tier;
 *                              raising it sends fewer requests to the expensive model
 * @param longPromptChars       context size (characters) at which length alone makes a request complex
 * @param deepConversationTurns prior assistant/tool turns at which conversation depth counts fully
 * @param mediumThreshold       score (at most {@code complexThreshold}) at or above which a request that is not
 *                              complex goes to the medium tier; empty when the project maps no medium tier
 */
public record RoutingThresholds(double complexThreshold, int longPromptChars, int deepConversationTurns,
                                OptionalDouble mediumThreshold) {

    public static final String COMPLEX_THRESHOLD = "complex_threshold";
    public static final String MEDIUM_THRESHOLD = "medium_threshold";
    public static final String LONG_PROMPT_CHARS = "long_prompt_chars";
    public static final String DEEP_CONVERSATION_TURNS = "deep_conversation_turns";

    /**
     * The defaults. The standard weights' baseline is calibrated so that 0.5 is a good operating point on routing
     * benchmark data (about a third of requests to the complex tier; see StandardWeights); 4,000 characters is
     * about 1,000 tokens.
     */
    public static final RoutingThresholds DEFAULTS = new RoutingThresholds(0.5, 4_000, 8);

    /**
     * Where the medium band starts by default. On the routing benchmark's held-out half, scores of 0.5 and up are
     * about a quarter of the requests, 0.3 to 0.5 about another quarter and the rest below: a three-way split close
     * to even at the top.
     */
    public static final double DEFAULT_MEDIUM_THRESHOLD = 0.3;

    public RoutingThresholds {
        if (!(complexThreshold >= 0.0 && complexThreshold <= 1.0)) {
            throw new IllegalArgumentException(COMPLEX_THRESHOLD + " must be in [0, 1], was " + complexThreshold);
        }
        if (longPromptChars < 1) {
            throw new IllegalArgumentException(LONG_PROMPT_CHARS + " must be positive, was " + longPromptChars);
        }
        if (deepConversationTurns < 1) {
            throw new IllegalArgumentException(
                    DEEP_CONVERSATION_TURNS + " must be positive, was " + deepConversationTurns);
        }
        Objects.requireNonNull(mediumThreshold, "mediumThreshold");
        mediumThreshold.ifPresent(medium -> {
            if (!(medium >= 0.0 && medium <= complexThreshold)) {
                throw new IllegalArgumentException(MEDIUM_THRESHOLD + " must be in [0, " + COMPLEX_THRESHOLD + "], was "
                        + medium);
            }
        });
    }

    /** Two tiers (simple and complex): no medium band. */
    public RoutingThresholds(double complexThreshold, int longPromptChars, int deepConversationTurns) {
        this(complexThreshold, longPromptChars, deepConversationTurns, OptionalDouble.empty());
    }

    /**
     * Reads the project's routing settings: missing (or null) keys take the defaults, unknown keys are ignored.
     * Values may be JSON numbers or numeric strings.
     *
     * @throws IllegalArgumentException when a known key holds something that is not a valid number for it
     */
    public static RoutingThresholds fromSettings(Map<String, ?> settings) {
        return fromSettings(settings, false);
    }

    /**
     * As {@link #fromSettings(Map)}, with a medium band when {@code mediumTier} (the project maps a medium tier):
     * {@code medium_threshold}, else {@value #DEFAULT_MEDIUM_THRESHOLD} or the complex threshold if that is lower.
     */
    public static RoutingThresholds fromSettings(Map<String, ?> settings, boolean mediumTier) {
        Objects.requireNonNull(settings, "settings");
        double complex = number(settings, COMPLEX_THRESHOLD, DEFAULTS.complexThreshold);
        return new RoutingThresholds(complex,
                wholeNumber(settings, LONG_PROMPT_CHARS, DEFAULTS.longPromptChars),
                wholeNumber(settings, DEEP_CONVERSATION_TURNS, DEFAULTS.deepConversationTurns),
                mediumTier ? OptionalDouble.of(number(settings, MEDIUM_THRESHOLD,
                        Math.min(DEFAULT_MEDIUM_THRESHOLD, complex))) : OptionalDouble.empty());
    }

    /** The same knobs at another complex threshold; a medium band is cut so it never starts above it. */
    public RoutingThresholds withComplexThreshold(double threshold) {
        OptionalDouble medium = mediumThreshold.isPresent()
                ? OptionalDouble.of(Math.min(mediumThreshold.getAsDouble(), threshold)) : mediumThreshold;
        return new RoutingThresholds(threshold, longPromptChars, deepConversationTurns, medium);
    }

    private static double number(Map<String, ?> settings, String key, double fallback) {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, was \"" + s + "\"", e);
            }
        }
        throw new IllegalArgumentException(key + " must be a number, was " + value.getClass().getSimpleName());
    }

    private static int wholeNumber(Map<String, ?> settings, String key, int fallback) {
        double value = number(settings, key, fallback);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(key + " must be a whole number, was " + value);
        }
        return (int) value;
    }
}
