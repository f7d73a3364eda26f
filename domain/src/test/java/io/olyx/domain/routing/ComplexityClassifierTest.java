package io.olyx.domain.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplexityClassifierTest {

    private final ComplexityClassifier classifier = ComplexityClassifier.standard();
    private final RoutingThresholds defaults = RoutingThresholds.DEFAULTS;

    private RoutingDecision classify(String prompt) {
        return classifier.classify(RoutingInput.ofPrompt(prompt), defaults);
    }

    private static List<String> names(RoutingDecision decision) {
        return decision.factors().stream().map(f -> switch (f) {
            case DecisionFactor.Contribution c -> c.name();
            case DecisionFactor.Rule r -> r.name();
        }).toList();
    }

    @Test
    void aGreetingIsSimple() {
        RoutingDecision decision = classify("Hi there, thanks for the help yesterday!");

        assertThat(decision.tier()).isEqualTo(Tier.SIMPLE);
        assertThat(decision.score()).isLessThan(defaults.complexThreshold());
        assertThat(decision.explanation()).contains("simple_cues -0.15");
    }

    @Test
    void aFactualLookUpIsSimple() {
        assertThat(classify("What is the capital of Australia?").tier()).isEqualTo(Tier.SIMPLE);
    }

    @Test
    void aMultipleChoiceRecallQuestionIsSimple() {
        RoutingDecision decision = classify("""
                Which painter is famous for the ceiling of the Sistine Chapel?
                A. Raphael
                B. Michelangelo
                C. Donatello
                D. Caravaggio""");

        assertThat(decision.tier()).isEqualTo(Tier.SIMPLE);
        assertThat(names(decision)).contains("multiple_choice", "factual_recall");
    }

    @Test
    void aMultiStepWordProblemIsComplex() {
        RoutingDecision decision = classify("""
                A bakery sells 120 muffins on Monday. On Tuesday it sells twice as many, and on Wednesday it sells
                35 fewer than on Tuesday. Each muffin costs $3, but on Wednesday the bakery gives a 10% discount.
                If the ingredients cost $1.20 per muffin, how much profit did the bakery make over the three days?""");

        assertThat(decision.tier()).isEqualTo(Tier.COMPLEX);
        assertThat(names(decision)).contains("multi_step_arithmetic");
    }

    @Test
    void aOneStepSumIsNotMultiStep() {
        RoutingDecision decision = classify("What is 2 + 2?");

        assertThat(decision.tier()).isEqualTo(Tier.SIMPLE);
    }

    @Test
    void anEthicalDilemmaIsComplex() {
        RoutingDecision decision = classify("""
                Is it morally wrong for a doctor to withhold a terminal diagnosis from a patient when the family asks
                her to? Weigh the duty of honesty against the obligation to avoid harm.""");

        assertThat(decision.tier()).isEqualTo(Tier.COMPLEX);
        assertThat(names(decision)).contains("ethics_domain");
    }

    @Test
    void aDebuggingRequestWithCodeIsComplex() {
        RoutingDecision decision = classify("""
                Why does this throw a NullPointerException when the map is empty?
                ```java
                String first = map.get(keys.get(0)).trim();
                ```""");

        assertThat(decision.tier()).isEqualTo(Tier.COMPLEX);
        assertThat(decision.explanation()).contains("code +0.35");
    }

    @Test
    void explicitReasoningRequestsRaiseTheScore() {
        double plain = classify("Should we cache the user profile?").score();
        double reasoned = classify("Should we cache the user profile? Analyze the trade-offs step by step.").score();

        assertThat(reasoned).isGreaterThan(plain);
        assertThat(classify("Should we cache the user profile? Analyze the trade-offs step by step.").tier())
                .isEqualTo(Tier.COMPLEX);
    }

    @Test
    void aLongConversationIsComplexEvenWhenTheLastTurnIsShort() {
        RoutingInput input = new RoutingInput("ok, and now?", 12, 9_000, 5, false, false, false);

        RoutingDecision decision = classifier.classify(input, defaults);

        assertThat(decision.tier()).isEqualTo(Tier.COMPLEX);
        assertThat(names(decision)).contains("long_context", "conversation_depth");
    }

    @Test
    void anAgentStepDigestingToolResultsIsComplex() {
        RoutingInput input = new RoutingInput("Continue.", 9, 1_500, 4, true, true, false);

        assertThat(classifier.classify(input, defaults).tier()).isEqualTo(Tier.COMPLEX);
    }

    @Test
    void sensitiveRequestsAreSecureWhateverTheirComplexity() {
        RoutingDecision simple = classifier.classify(RoutingInput.ofPrompt("hello").withSensitive(true), defaults);
        RoutingDecision complex = classifier.classify(
                new RoutingInput("Prove it step by step.", 20, 50_000, 9, true, true, true), defaults);

        assertThat(simple.tier()).isEqualTo(Tier.SECURE);
        assertThat(complex.tier()).isEqualTo(Tier.SECURE);
        assertThat(simple.explanation().getFirst()).isEqualTo("sensitive → secure");
    }

    @Test
    void theScoreIsStillReportedForSecureRequests() {
        RoutingInput input = RoutingInput.ofPrompt("Explain why, step by step, and justify each step.");

        double plainScore = classifier.classify(input, defaults).score();
        double secureScore = classifier.classify(input.withSensitive(true), defaults).score();

        assertThat(secureScore).isEqualTo(plainScore);
    }

    @Test
    void theExplanationStartsWithTheBaselineAndListsLargerContributionsFirst() {
        RoutingDecision decision = classify("""
                First, explain why the circuit's voltage drops; then compare both resistor values, step by step.""");

        List<DecisionFactor> factors = decision.factors();
        assertThat(factors.getFirst()).isEqualTo(new DecisionFactor.Contribution("baseline", FeatureWeights.standard().baseline()));
        List<Double> amounts = factors.stream().skip(1)
                .map(f -> Math.abs(((DecisionFactor.Contribution) f).amount())).toList();
        assertThat(amounts).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aHigherThresholdSendsABorderlineRequestToTheSimpleTier() {
        RoutingInput input = RoutingInput.ofPrompt("Explain how a transistor amplifies a signal.");
        double score = classifier.classify(input, defaults).score();

        assertThat(classifier.classify(input, defaults.withComplexThreshold(score)).tier()).isEqualTo(Tier.COMPLEX);
        assertThat(classifier.classify(input, defaults.withComplexThreshold(Math.min(1.0, score + 0.01))).tier())
                .isEqualTo(Tier.SIMPLE);
    }

    @Test
    void customWeightsChangeTheDecision() {
        FeatureWeights codeHeavy = FeatureWeights.standard().with(Feature.CODE, 0.0);
        RoutingInput input = RoutingInput.ofPrompt("```\nx = 1\n```");

        assertThat(classifier.classify(input, defaults).tier()).isEqualTo(Tier.COMPLEX);
        assertThat(new ComplexityClassifier(codeHeavy).classify(input, defaults).tier()).isEqualTo(Tier.SIMPLE);
    }
}
