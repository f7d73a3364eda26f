package io.olyx.domain.routing;

import java.util.EnumMap;
import java.util.Map;

/**
 * The weights Olyx ships with, in score units (score = clamp(baseline + Σ weight × value, 0, 1)).
 *
 * <p>PRIOR weights are judgement: the routing data (MMLU and GSM8K prompts with a weak and a strong model's
 * outcomes) has no code, tools, conversations, greetings or explicit "think step by step" requests, so it cannot
 * say what they are worth. They are sized against the gap between the baseline and the default threshold (0.24):
 * one strong signal (a fenced code block, a context of long_prompt_chars, two reasoning instructions) crosses it
 * on its own; one weak signal (a single "explain why", tools merely offered, a deep conversation) does not.
 *
 * <p>FITTED weights and the baseline come from {@code io.olyx.bench.routing.RoutingQuality --fit}, on the routing
 * data's even ids only (731 prompts; the odd ids are held out for reporting): sign-constrained least squares of
 * 2 × (strong correct − weak correct), i.e. two score units per unit of expected accuracy gain, with the priors
 * above as fixed offsets; the ridge strength (0 here) was chosen by two-fold cross-validation inside the even
 * half. The baseline puts the default complex_threshold (0.5) at the cheapest operating point whose gain over a
 * random router is within 0.02 of the best on the even half. Rounded to two decimals. Features the fit left at
 * zero (prompt length, word problem on its own, math symbols, law vocabulary, several questions) added nothing
 * beyond the others on that data (on multiple-choice maths both models tend to fail or both succeed); they stay
 * measured so that a refit on other data can use them.
 */
final class StandardWeights {

    static final FeatureWeights WEIGHTS = build();

    private StandardWeights() {
    }

    private static FeatureWeights build() {
        Map<Feature, Double> w = new EnumMap<>(Feature.class);
        // fitted on even ids
        w.put(Feature.MULTI_STEP_ARITHMETIC, 0.55);
        w.put(Feature.ETHICS_DOMAIN, 0.41);
        w.put(Feature.MEDICINE_DOMAIN, 0.28);
        w.put(Feature.ECONOMICS_DOMAIN, 0.21);
        w.put(Feature.SCIENCE_DOMAIN, 0.19);
        w.put(Feature.MULTI_STEP_CUES, 0.14);
        w.put(Feature.LOGIC_DOMAIN, 0.13);
        w.put(Feature.NEGATED_QUESTION, 0.05);
        w.put(Feature.MULTIPLE_CHOICE, -0.12);
        w.put(Feature.FACTUAL_RECALL, -0.05);
        // priors
        w.put(Feature.LONG_CONTEXT, 0.40);
        w.put(Feature.REASONING_CUES, 0.40);
        w.put(Feature.CODE, 0.35);
        w.put(Feature.CONVERSATION_DEPTH, 0.20);
        w.put(Feature.TOOL_RESULTS, 0.15);
        w.put(Feature.CONSTRAINTS, 0.10);
        w.put(Feature.TOOLS_OFFERED, 0.10);
        w.put(Feature.SIMPLE_CUES, -0.15);
        return new FeatureWeights(0.26, w);
    }
}
