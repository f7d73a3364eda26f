package io.olyx.domain.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComplexityFeaturesTest {

    private static FeatureVector features(String text) {
        return ComplexityFeatures.extract(RoutingInput.ofPrompt(text), RoutingThresholds.DEFAULTS);
    }

    @Test
    void answerOptionsOnTheirOwnLinesMakeAMultipleChoiceQuestion() {
        assertThat(features("Pick one:\nA. red\nB. blue\n(c) green").value(Feature.MULTIPLE_CHOICE)).isEqualTo(1.0);
        assertThat(features("Plan A. Then plan B.").value(Feature.MULTIPLE_CHOICE)).isZero();
    }

    @Test
    void aWordProblemNeedsQuantitiesAndAQuestionForAQuantity() {
        assertThat(features("Tom has 3 apples and buys 5 more. How many apples does he have?")
                .value(Feature.WORD_PROBLEM)).isEqualTo(1.0);
        assertThat(features("Tom has three apples and buys five more. How many does he have now?")
                .value(Feature.WORD_PROBLEM)).isEqualTo(1.0);
        assertThat(features("Tom has 3 apples and 5 pears.").value(Feature.WORD_PROBLEM)).isZero();
        assertThat(features("How many apples are there?").value(Feature.WORD_PROBLEM)).isZero();
    }

    @Test
    void longerWordProblemsCountMoreSteps() {
        double short_ = features("Ann has 4 pens and buys 2 more. How many pens does she have?")
                .value(Feature.MULTI_STEP_ARITHMETIC);
        double long_ = features("""
                Ann has 4 pens, buys 2 more each week for 5 weeks, then gives half to her brother. After that she
                loses 3, and her aunt gives her twice as many as she lost. How many pens does she have?""")
                .value(Feature.MULTI_STEP_ARITHMETIC);

        assertThat(long_).isGreaterThan(short_);
    }

    @Test
    void phrasesAreMatchedAcrossLineBreaksAndCase() {
        assertThat(features("Think it through STEP\nBY   step").value(Feature.REASONING_CUES)).isPositive();
    }

    @Test
    void prefixEntriesMatchInflectionsButExactEntriesNeedAWordBoundary() {
        assertThat(features("The defendant's negligence caused the injury").value(Feature.LAW_DOMAIN))
                .isEqualTo(2 / 3.0);
        assertThat(features("a reasoning task").value(Feature.REASONING_CUES)).isEqualTo(0.5);
        assertThat(features("a reasonably easy task").value(Feature.REASONING_CUES)).isZero();
    }

    @Test
    void aPhraseCountsOnceNotOncePerWord() {
        assertThat(features("and then").value(Feature.MULTI_STEP_CUES)).isEqualTo(1 / 3.0);
    }

    @Test
    void capitalisedNegationsMarkAnOddOneOutQuestion() {
        assertThat(features("Which of these is NOT a mammal?").value(Feature.NEGATED_QUESTION)).isEqualTo(1.0);
        assertThat(features("This is not a question. NOTE: none.").value(Feature.NEGATED_QUESTION)).isZero();
    }

    @Test
    void mathSymbolsIncludeOperatorsAndLatexCommands() {
        assertThat(features("Solve x^2 + 3x = \\frac{1}{2}").value(Feature.MATH_SYMBOLS)).isEqualTo(1.0);
        assertThat(features("Solve it").value(Feature.MATH_SYMBOLS)).isZero();
    }

    @Test
    void contextLengthRampsUpToTheLongPromptSize() {
        RoutingThresholds t = RoutingThresholds.DEFAULTS;
        int half = t.longPromptChars() / 2;

        assertThat(ComplexityFeatures.extract(new RoutingInput("q", 3, half, 1, false, false, false), t)
                .value(Feature.LONG_CONTEXT)).isZero();
        assertThat(ComplexityFeatures.extract(new RoutingInput("q", 3, half * 3 / 2, 1, false, false, false), t)
                .value(Feature.LONG_CONTEXT)).isEqualTo(0.5);
        assertThat(ComplexityFeatures.extract(new RoutingInput("q", 3, 10L * t.longPromptChars(), 1, false, false,
                false), t).value(Feature.LONG_CONTEXT)).isEqualTo(1.0);
    }

    @Test
    void onlyTheStartOfAHugeTextIsScannedForCues() {
        String filler = "lorem ".repeat(TextScan.MAX_SCANNED_CHARS / 6 + 1);

        assertThat(features(filler + "step by step").value(Feature.REASONING_CUES)).isZero();
        assertThat(features("step by step " + filler).value(Feature.REASONING_CUES)).isPositive();
    }
}
