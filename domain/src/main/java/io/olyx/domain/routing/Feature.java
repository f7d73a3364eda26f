package io.olyx.domain.routing;

/**
 * The request features the complexity classifier scores. Each is measured as a value in [0, 1] and weighted by
 * {@link FeatureWeights}; a feature only ever pushes the score in its {@link Direction}, which is what makes
 * adding a complexity cue unable to lower the score.
 */
public enum Feature {
    // How long the text is, on a log scale that saturates at RoutingThresholds.longPromptChars.
    PROMPT_LENGTH("prompt_length", Direction.RAISES, Origin.FITTED),
    // A narrative with several quantities that asks for a computed quantity (and offers no answer options).
    WORD_PROBLEM("word_problem", Direction.RAISES, Origin.FITTED),
    // A word problem's number of clauses: each clause tends to carry one more arithmetic step.
    MULTI_STEP_ARITHMETIC("multi_step_arithmetic", Direction.RAISES, Origin.FITTED),
    // Operators, equation symbols, LaTeX commands and mathematical vocabulary.
    MATH_SYMBOLS("math_symbols", Direction.RAISES, Origin.FITTED),
    // "first ... then ... finally", numbered steps.
    MULTI_STEP_CUES("multi_step_cues", Direction.RAISES, Origin.FITTED),
    // Questions that ask for the exception: NOT, EXCEPT, LEAST in capitals.
    NEGATED_QUESTION("negated_question", Direction.RAISES, Origin.FITTED),
    // More than one question mark: several things to answer at once.
    MULTIPLE_QUESTIONS("multiple_questions", Direction.RAISES, Origin.FITTED),
    // Moral judgement of scenarios, normative ethics.
    ETHICS_DOMAIN("ethics_domain", Direction.RAISES, Origin.FITTED),
    // Legal fact patterns: parties, property, procedure, criminal and constitutional law.
    LAW_DOMAIN("law_domain", Direction.RAISES, Origin.FITTED),
    // Clinical vignettes and medical vocabulary.
    MEDICINE_DOMAIN("medicine_domain", Direction.RAISES, Origin.FITTED),
    // Physics, electrical engineering and chemistry vocabulary.
    SCIENCE_DOMAIN("science_domain", Direction.RAISES, Origin.FITTED),
    // Micro- and macroeconomics vocabulary.
    ECONOMICS_DOMAIN("economics_domain", Direction.RAISES, Origin.FITTED),
    // Arguments, validity, symbolisation: formal and informal logic.
    LOGIC_DOMAIN("logic_domain", Direction.RAISES, Origin.FITTED),
    // Answer options are given: recognising an answer is easier than producing one.
    MULTIPLE_CHOICE("multiple_choice", Direction.LOWERS, Origin.FITTED),
    // History, geography, culture, psychology: knowledge recall rather than reasoning.
    FACTUAL_RECALL("factual_recall", Direction.LOWERS, Origin.FITTED),
    // Greetings, definitions, translations, look-ups, rephrasing.
    SIMPLE_CUES("simple_cues", Direction.LOWERS, Origin.PRIOR),
    // The whole conversation is long: ramps from half of longPromptChars to all of it.
    LONG_CONTEXT("long_context", Direction.RAISES, Origin.PRIOR),
    // "step by step", "explain why", "prove", "analyze", "trade-offs".
    REASONING_CUES("reasoning_cues", Direction.RAISES, Origin.PRIOR),
    // Fenced code, code punctuation, programming vocabulary.
    CODE("code", Direction.RAISES, Origin.PRIOR),
    // Format and constraint demands: "exactly", "at most", "in JSON", "must not".
    CONSTRAINTS("constraints", Direction.RAISES, Origin.PRIOR),
    // The model is offered tools to call.
    TOOLS_OFFERED("tools_offered", Direction.RAISES, Origin.PRIOR),
    // The model must digest tool results.
    TOOL_RESULTS("tool_results", Direction.RAISES, Origin.PRIOR),
    // Prior assistant/tool turns, saturating at RoutingThresholds.deepConversationTurns.
    CONVERSATION_DEPTH("conversation_depth", Direction.RAISES, Origin.PRIOR);

    /** Which way a feature may move the score. */
    public enum Direction { RAISES, LOWERS }

    /**
     * Where a feature's standard weight comes from: FITTED on routing data (benchmark prompts with weak/strong
     * model outcomes), or set as a PRIOR because that data has no such requests (code, tools, conversations).
     */
    public enum Origin { FITTED, PRIOR }

    private final String wireName;
    private final Direction direction;
    private final Origin origin;

    Feature(String wireName, Direction direction, Origin origin) {
        this.wireName = wireName;
        this.direction = direction;
        this.origin = origin;
    }

    public String wire() {
        return wireName;
    }

    public Direction direction() {
        return direction;
    }

    public Origin origin() {
        return origin;
    }

    /** Whether {@code weight} points the way this feature may move the score (zero always does). */
    public boolean admits(double weight) {
        return switch (direction) {
            case RAISES -> weight >= 0.0;
            case LOWERS -> weight <= 0.0;
        };
    }
}
