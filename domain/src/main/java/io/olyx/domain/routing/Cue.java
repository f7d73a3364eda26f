package io.olyx.domain.routing;

/** Word classes the {@link Lexicon} recognises; a word or phrase may belong to several. */
enum Cue {
    LAW, MEDICINE, ETHICS, SCIENCE, ECONOMICS, LOGIC, RECALL,
    MATH_WORD, NUMBER_WORD, QUANTITY_QUESTION, ARITHMETIC,
    REASONING, MULTI_STEP, CONNECTIVE, SIMPLE, CONSTRAINT, CODE_WORD;

    int bit() {
        return 1 << ordinal();
    }
}
