package io.olyx.domain.guard;

/**
 * Word lists the PII detector consults for names and places. All lookups take a lowercase word or a
 * lowercase phrase of single-space-separated words ("new zealand"). Implementations must be immutable and
 * thread-safe: one instance serves every request.
 *
 * <p>{@link #builtin()} is a compact default in plain Java; a larger, artifact-backed lexicon lives in an
 * adapter and is handed to {@link Guardrails} by the wiring.
 */
public interface EntityLexicon {

    /** A frequent ordinary English word ("wisdom", "the", "discipline"). */
    boolean isCommonWord(String lower);

    boolean isFirstName(String lower);

    boolean isLastName(String lower);

    boolean isCountry(String lower);

    /** A city, region, state or other named place (countries count too). */
    boolean isPlace(String lower);

    /** A nationality, religious or political group word ("hungarian", "saudis", "shiite"). */
    boolean isNationality(String lower);

    /**
     * A well-known technology or company name: a programming language, framework, database, developer tool, cloud or
     * online service, AI model, or a large company ("kubernetes", "postgresql", "salesforce"). Some are names of
     * people too ("julia", "jenkins"); the name lists still say so.
     */
    boolean isTechnologyName(String lower);

    /** A well-known company ("salesforce", "samsung"); every one is a technology name too. */
    boolean isCompanyName(String lower);

    static EntityLexicon builtin() {
        return BuiltinLexicon.INSTANCE;
    }
}
