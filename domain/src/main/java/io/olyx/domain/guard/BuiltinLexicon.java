package io.olyx.domain.guard;

import java.util.HashSet;
import java.util.Set;

/** The compact default lexicon, built once from the word lists compiled into the domain. */
final class BuiltinLexicon implements EntityLexicon {

    static final BuiltinLexicon INSTANCE = new BuiltinLexicon();

    private final Set<String> common = load(CommonWordData.WORDS);
    private final Set<String> first = load(NameData.FIRST_NAMES);
    private final Set<String> last = load(NameData.LAST_NAMES);
    private final Set<String> countries = load(NameData.COUNTRIES);
    private final Set<String> places = load(NameData.PLACES);
    private final Set<String> nationalities = load(NameData.NATIONALITIES);
    private final Set<String> companies = load(TechnologyNameData.COMPANIES);
    private final Set<String> technologies = union(load(TechnologyNameData.NAMES), companies);

    private BuiltinLexicon() {
    }

    /** Phrases are stored with '_' for spaces in the data so one chunk splits on spaces alone. */
    private static Set<String> load(String[] chunks) {
        Set<String> out = new HashSet<>();
        for (String chunk : chunks) {
            for (String w : chunk.split(" ")) {
                if (!w.isEmpty()) {
                    out.add(w.replace('_', ' '));
                }
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    @Override
    public boolean isCommonWord(String lower) {
        return common.contains(lower);
    }

    @Override
    public boolean isFirstName(String lower) {
        return first.contains(lower);
    }

    @Override
    public boolean isLastName(String lower) {
        return last.contains(lower);
    }

    @Override
    public boolean isCountry(String lower) {
        return countries.contains(lower);
    }

    @Override
    public boolean isPlace(String lower) {
        return places.contains(lower) || countries.contains(lower);
    }

    @Override
    public boolean isNationality(String lower) {
        return nationalities.contains(lower);
    }

    @Override
    public boolean isTechnologyName(String lower) {
        return technologies.contains(lower);
    }

    @Override
    public boolean isCompanyName(String lower) {
        return companies.contains(lower);
    }
}
