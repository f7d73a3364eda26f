package io.olyx.domain.routing;

import java.util.Objects;

/** Measures every {@link Feature} of a request; pure and deterministic. */
public final class ComplexityFeatures {

    // Clause breaks and connectives at which a word problem counts as fully multi-step: a typical four-sentence
    // school word problem has about a dozen.
    private static final double CLAUSES_FOR_MANY_STEPS = 16.0;
    // Length below which prompt_length is about zero: a one-line question.
    private static final double SHORT_PROMPT_CHARS = 100.0;

    private ComplexityFeatures() {
    }

    public static FeatureVector extract(RoutingInput in, RoutingThresholds t) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(t, "t");
        TextScan scan = TextScan.of(in.text());
        double[] v = new double[Feature.values().length];
        boolean multipleChoice = scan.optionLines() >= 2;
        boolean wordProblem = !multipleChoice
                && scan.numerals() + scan.count(Cue.NUMBER_WORD) >= 2
                && (scan.count(Cue.QUANTITY_QUESTION) > 0
                        || (scan.questionMarks() > 0 && scan.count(Cue.ARITHMETIC) > 0));

        set(v, Feature.PROMPT_LENGTH, Math.log1p(in.text().length() / SHORT_PROMPT_CHARS)
                / Math.log1p(t.longPromptChars() / SHORT_PROMPT_CHARS));
        set(v, Feature.WORD_PROBLEM, wordProblem ? 1 : 0);
        set(v, Feature.MULTI_STEP_ARITHMETIC, wordProblem
                ? (scan.clauseBreaks() + scan.count(Cue.CONNECTIVE)) / CLAUSES_FOR_MANY_STEPS : 0);
        set(v, Feature.MATH_SYMBOLS, (scan.mathSymbols() + scan.count(Cue.MATH_WORD)) / 4.0);
        set(v, Feature.MULTI_STEP_CUES, (scan.count(Cue.MULTI_STEP) + scan.numberedLines()) / 3.0);
        set(v, Feature.NEGATED_QUESTION, scan.negations());
        set(v, Feature.MULTIPLE_QUESTIONS, (scan.questionMarks() - 1) / 2.0);
        set(v, Feature.ETHICS_DOMAIN, scan.count(Cue.ETHICS) / 3.0);
        set(v, Feature.LAW_DOMAIN, scan.count(Cue.LAW) / 3.0);
        set(v, Feature.MEDICINE_DOMAIN, scan.count(Cue.MEDICINE) / 3.0);
        set(v, Feature.SCIENCE_DOMAIN, scan.count(Cue.SCIENCE) / 3.0);
        set(v, Feature.ECONOMICS_DOMAIN, scan.count(Cue.ECONOMICS) / 3.0);
        set(v, Feature.LOGIC_DOMAIN, scan.count(Cue.LOGIC) / 3.0);
        set(v, Feature.MULTIPLE_CHOICE, multipleChoice ? 1 : 0);
        set(v, Feature.FACTUAL_RECALL, scan.count(Cue.RECALL) / 3.0);
        set(v, Feature.SIMPLE_CUES, scan.count(Cue.SIMPLE));
        double half = t.longPromptChars() / 2.0;
        set(v, Feature.LONG_CONTEXT, (in.contextChars() - half) / half);
        set(v, Feature.REASONING_CUES, scan.count(Cue.REASONING) / 2.0);
        set(v, Feature.CODE, scan.fencedCode() ? 1 : (scan.codeSymbols() + scan.count(Cue.CODE_WORD)) / 4.0);
        set(v, Feature.CONSTRAINTS, scan.count(Cue.CONSTRAINT) / 2.0);
        set(v, Feature.TOOLS_OFFERED, in.toolsOffered() ? 1 : 0);
        set(v, Feature.TOOL_RESULTS, in.toolResultsPresent() ? 1 : 0);
        // about half of the earlier messages are the assistant's, whether or not the caller counted them
        double turns = Math.max(in.priorTurns(), (in.messageCount() - 1) / 2.0);
        set(v, Feature.CONVERSATION_DEPTH, turns / t.deepConversationTurns());
        return FeatureVector.of(v);
    }

    private static void set(double[] v, Feature f, double raw) {
        v[f.ordinal()] = Math.max(0.0, Math.min(1.0, raw));
    }
}
