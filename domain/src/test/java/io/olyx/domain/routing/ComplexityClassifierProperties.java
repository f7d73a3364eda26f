package io.olyx.domain.routing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class ComplexityClassifierProperties {

    private static final ComplexityClassifier CLASSIFIER = ComplexityClassifier.standard();
    private static final RoutingThresholds DEFAULTS = RoutingThresholds.DEFAULTS;

    // Words that make the lexicon and the scanner work: cues of every class, numbers, options, symbols.
    private static final List<String> WORDS = List.of(
            "the", "a", "and", "then", "first", "how", "many", "much", "what", "is", "capital", "of", "why",
            "step", "by", "prove", "patient", "defendant", "moral", "wrong", "voltage", "demand", "premise",
            "century", "hello", "translate", "json", "must", "def", "function", "12", "3.5", "1,000", "twice",
            "half", "each", "total", "?", ".", ",", "\n", "\nA.", "\nB.", "\n1.", "NOT", "EXCEPT", "=", "+", "√",
            "```", "{", "};", "=>", "\\frac", "year-old", "trade-offs", "in", "not", "é", "日本", "\uD83D\uDE00");

    private static final List<String> REASONING_CUES = List.of(
            "Think step by step.", "Explain why.", "Prove it.", "Justify your answer.", "Analyze the trade-offs.",
            "First do this, then that, and finally check.", "Walk me through it in depth.",
            "1. Parse\n2. Validate\n3. Store");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anyUnicode = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(600);
        Arbitrary<String> wordSalad = Arbitraries.of(WORDS).list().ofMaxSize(120)
                .map(words -> String.join(" ", words));
        Arbitrary<String> huge = wordSalad.map(s -> s.repeat(1 + TextScan.MAX_SCANNED_CHARS / Math.max(1, s.length())));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anyUnicode), net.jqwik.api.Tuple.of(6, wordSalad),
                net.jqwik.api.Tuple.of(1, huge));
    }

    @Provide
    Arbitrary<RoutingInput> inputs() {
        Arbitrary<Integer> messages = Arbitraries.integers().between(1, 60);
        return Combinators.combine(texts(), messages, Arbitraries.longs().between(0, 200_000),
                        Arbitraries.integers().between(0, 59), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((text, count, chars, prior, tools, results, sensitive) ->
                        new RoutingInput(text, count, chars, Math.min(prior, count - 1), tools, results, sensitive));
    }

    @Provide
    Arbitrary<RoutingThresholds> thresholds() {
        return Combinators.combine(Arbitraries.doubles().between(0.0, 1.0), Arbitraries.integers().between(1, 50_000),
                Arbitraries.integers().between(1, 50)).as(RoutingThresholds::new);
    }

    @Property
    void classificationIsDeterministic(@ForAll("inputs") RoutingInput in, @ForAll("thresholds") RoutingThresholds t) {
        RoutingDecision first = CLASSIFIER.classify(in, t);
        RoutingDecision again = ComplexityClassifier.standard().classify(in, t);

        assertThat(again).isEqualTo(first);
    }

    /** With a medium band the score alone decides: complex at or above its threshold, medium from the band's. */
    @Property
    void aMediumBandSplitsTheNonComplexScoresAtItsThreshold(@ForAll("inputs") RoutingInput in,
                                                           @ForAll("thresholds") RoutingThresholds t,
                                                           @ForAll @DoubleRange(min = 0.0, max = 1.0) double share) {
        double medium = t.complexThreshold() * share;
        RoutingThresholds banded = new RoutingThresholds(t.complexThreshold(), t.longPromptChars(),
                t.deepConversationTurns(), OptionalDouble.of(medium));
        RoutingInput open = in.withSensitive(false);
        RoutingDecision twoTiers = CLASSIFIER.classify(open, t);
        RoutingDecision threeTiers = CLASSIFIER.classify(open, banded);

        assertThat(threeTiers.score()).isEqualTo(twoTiers.score());
        Tier expected = threeTiers.score() >= t.complexThreshold() ? Tier.COMPLEX
                : threeTiers.score() >= medium ? Tier.MEDIUM : Tier.SIMPLE;
        assertThat(threeTiers.tier()).isEqualTo(expected);
        assertThat(twoTiers.tier()).isEqualTo(expected == Tier.MEDIUM ? Tier.SIMPLE : expected);
    }

    @Property
    void sensitiveRequestsAreAlwaysSecure(@ForAll("inputs") RoutingInput in,
                                          @ForAll("thresholds") RoutingThresholds t) {
        RoutingDecision decision = CLASSIFIER.classify(in.withSensitive(true), t);

        assertThat(decision.tier()).isEqualTo(Tier.SECURE);
        assertThat(decision.factors().getFirst()).isEqualTo(new DecisionFactor.Rule("sensitive", Tier.SECURE));
    }

    @Property
    void nonSensitiveRequestsAreNeverSecure(@ForAll("inputs") RoutingInput in) {
        assertThat(CLASSIFIER.classify(in.withSensitive(false), DEFAULTS).tier()).isNotEqualTo(Tier.SECURE);
    }

    @Property
    void theScoreStaysInTheUnitInterval(@ForAll("inputs") RoutingInput in, @ForAll("thresholds") RoutingThresholds t) {
        double score = CLASSIFIER.classify(in, t).score();

        assertThat(score).isBetween(0.0, 1.0);
    }

    @Property
    void everyFeatureValueStaysInTheUnitInterval(@ForAll("inputs") RoutingInput in,
                                                 @ForAll("thresholds") RoutingThresholds t) {
        assertThat(ComplexityFeatures.extract(in, t).asMap().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    @Property
    void arbitraryUnicodeNeverThrows(@ForAll String text) {
        RoutingDecision decision = CLASSIFIER.classify(RoutingInput.ofPrompt(text), DEFAULTS);

        assertThat(decision.explanation()).isNotEmpty();
    }

    @Property
    void addingAReasoningOrMultiStepCueNeverLowersTheScore(@ForAll("inputs") RoutingInput in,
                                                           @ForAll("reasoningCues") String cue) {
        RoutingInput withCue = new RoutingInput(in.text() + "\n" + cue, in.messageCount(),
                in.totalChars() + cue.length() + 1, in.priorTurns(), in.toolsOffered(), in.toolResultsPresent(),
                in.sensitive());

        double before = CLASSIFIER.classify(in, DEFAULTS).score();
        double after = CLASSIFIER.classify(withCue, DEFAULTS).score();

        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Provide
    Arbitrary<String> reasoningCues() {
        return Arbitraries.of(REASONING_CUES).list().ofMinSize(1).ofMaxSize(3).map(cues -> String.join(" ", cues));
    }

    @Property
    void moreConversationToolsOrContextNeverLowerTheScore(@ForAll("inputs") RoutingInput in,
                                                          @ForAll("thresholds") RoutingThresholds t) {
        RoutingInput heavier = new RoutingInput(in.text(), in.messageCount() + 2, in.totalChars() + 5_000,
                in.priorTurns() + 1, true, true, in.sensitive());

        assertThat(CLASSIFIER.classify(heavier, t).score()).isGreaterThanOrEqualTo(CLASSIFIER.classify(in, t).score());
    }

    @Property
    void aHigherThresholdNeverTurnsSimpleIntoComplex(@ForAll("inputs") RoutingInput in,
                                                    @ForAll @DoubleRange(min = 0, max = 1) double lower,
                                                    @ForAll @DoubleRange(min = 0, max = 1) double higher) {
        RoutingInput plain = in.withSensitive(false);
        RoutingThresholds low = DEFAULTS.withComplexThreshold(Math.min(lower, higher));
        RoutingThresholds high = DEFAULTS.withComplexThreshold(Math.max(lower, higher));

        if (CLASSIFIER.classify(plain, low).tier() == Tier.SIMPLE) {
            assertThat(CLASSIFIER.classify(plain, high).tier()).isEqualTo(Tier.SIMPLE);
        }
        assertThat(CLASSIFIER.classify(plain, high).score()).isEqualTo(CLASSIFIER.classify(plain, low).score());
    }

    @Example
    void anUnpairedSurrogateAtTheEndIsHarmless() {
        RoutingDecision decision = CLASSIFIER.classify(RoutingInput.ofPrompt("hello \uD83D"), DEFAULTS);

        assertThat(decision.tier()).isEqualTo(Tier.SIMPLE);
    }

    // found by addingAReasoningOrMultiStepCueNeverLowersTheScore: a last line "A." became an answer option only
    // once a newline followed it, which turned the text into a multiple-choice question
    @Example
    void appendingToAnAnswerLikeLastLineKeepsItsReading() {
        RoutingInput in = RoutingInput.ofPrompt("then \nA. \nA.");
        RoutingInput appended = RoutingInput.ofPrompt("then \nA. \nA.\nFirst do this, then that, and finally check.");

        assertThat(CLASSIFIER.classify(appended, DEFAULTS).score())
                .isGreaterThanOrEqualTo(CLASSIFIER.classify(in, DEFAULTS).score());
    }
}
