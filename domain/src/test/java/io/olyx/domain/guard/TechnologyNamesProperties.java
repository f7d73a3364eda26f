package io.olyx.domain.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TechnologyNamesProperties {

    private static final Guardrails GUARD = new Guardrails();
    private static final EntityLexicon LEXICON = EntityLexicon.builtin();
    private static final List<String> TEMPLATES = List.of("%s keeps failing on the new server.",
            "Explain how %s works.", "We moved from %s to %s last year.", "Why is %s slower than %s here?",
            "Please compare %s, %s and %s for our team.");

    /** Every technology the name lists do not know, capitalised as a product name is written. */
    @Provide
    Arbitrary<String> technology() {
        List<String> names = new ArrayList<>();
        for (String[] list : List.of(TechnologyNameData.NAMES, TechnologyNameData.COMPANIES)) {
            for (String chunk : list) {
                for (String w : chunk.split(" ")) {
                    if (!LEXICON.isFirstName(w) && !LEXICON.isLastName(w)) {
                        names.add(w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
                    }
                }
            }
        }
        return Arbitraries.of(names);
    }

    @Property(tries = 500)
    void technologyNamesNoNameListKnowsAreNobody(@ForAll("technology") String a, @ForAll("technology") String b,
            @ForAll("technology") String c, @ForAll("template") String template) {
        String text = String.format(template, a, b, c);
        assertThat(GUARD.scanInput(text, GuardPolicy.defaults()).findings(FindingCategory.PII))
                .extracting(Finding::type).doesNotContain("person");
    }

    @Provide
    Arbitrary<String> template() {
        return Arbitraries.of(TEMPLATES);
    }
}
