package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rerankers read chunk texts as numbered query terms ({@link QueryTerms}) instead of lists of strings. These
 * properties hold that reading to the plain string-by-string analysis it replaced ({@link Plain}, kept here as the
 * reference), on texts built from words that stem, join, repeat and lower-case in every way the analyzer knows.
 */
class LexicalFeaturesProperties {

    @Property
    void termsAreThoseOfThePlainAnalysis(@ForAll("texts") String text) {
        assertThat(Terms.of(text)).isEqualTo(Plain.terms(text));
    }

    @Property
    void featuresOfATextAreThoseOfThePlainAnalysis(@ForAll("texts") String query, @ForAll("texts") String text) {
        LexicalFeatures expected = Plain.features(Plain.terms(query), Plain.terms(text));
        assertThat(LexicalFeatures.of(QueryTerms.of(query), text)).isEqualTo(expected);
        assertThat(LexicalFeatures.of(Terms.of(query), Terms.of(text))).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.of("cell", "cells", "Cell's", "CELLS", "studies", "study", "IL-6",
                "il-6", "t.cell", "T-cells", "the", "of", "Vitamin", "vitamin", "D", "deficiency", "running",
                "runs", "passed", "classes", "class", "virus", "basis", "İstanbul", "ΣΟΦΟΣ", "naïve", "x", "42",
                "covid-19", "a1.b2", "Straße");
        Arbitrary<String> gap = Arbitraries.of(" ", "  ", ", ", "-", ".", "'", "; ", " (", ") ", "\n", "—");
        return Combinators.combine(word, gap).as((w, g) -> w + g).list().ofMaxSize(25)
                .map(parts -> String.join("", parts));
    }

    /** The analysis and features as they were computed before, one string per term. */
    private static final class Plain {
        private static final Set<String> STOPWORDS = Set.of(
                "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
                "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
                "to", "was", "will", "with", "what", "which", "who", "whom", "how", "when", "where", "why", "do",
                "does", "did", "has", "have", "had", "been", "being", "were", "from", "than", "its", "can", "may");

        static List<String> terms(String text) {
            List<String> terms = new ArrayList<>();
            String lower = text.toLowerCase(Locale.ROOT);
            int i = 0;
            while (i < lower.length()) {
                while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < lower.length() && (Character.isLetterOrDigit(lower.charAt(i)) || joiner(lower, i))) {
                    i++;
                }
                if (i > start && !STOPWORDS.contains(lower.substring(start, i))) {
                    terms.add(stem(lower.substring(start, i)));
                }
            }
            return terms;
        }

        private static boolean joiner(String s, int i) {
            char c = s.charAt(i);
            return (c == '-' || c == '.') && i + 1 < s.length() && i > 0
                    && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
        }

        private static String stem(String w) {
            if (w.length() <= 3) {
                return w;
            }
            if (w.endsWith("ies") && w.length() > 4) {
                return w.substring(0, w.length() - 3) + "y";
            }
            if (w.endsWith("sses")) {
                return w.substring(0, w.length() - 2);
            }
            if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
                w = w.substring(0, w.length() - 1);
            }
            if (w.endsWith("ing") && w.length() > 5) {
                return w.substring(0, w.length() - 3);
            }
            if (w.endsWith("ed") && w.length() > 4) {
                return w.substring(0, w.length() - 2);
            }
            return w;
        }

        static LexicalFeatures features(List<String> query, List<String> chunk) {
            Set<String> distinct = new LinkedHashSet<>(query);
            if (distinct.isEmpty() || chunk.isEmpty()) {
                return LexicalFeatures.NONE;
            }
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (distinct.contains(chunk.get(i))) {
                    positions.computeIfAbsent(chunk.get(i), k -> new ArrayList<>()).add(i);
                }
            }
            return new LexicalFeatures((double) positions.size() / distinct.size(),
                    proximity(chunk, positions.keySet()), pairs(query, positions));
        }

        private static double proximity(List<String> chunk, Set<String> matched) {
            if (matched.isEmpty()) {
                return 0;
            }
            int best = Integer.MAX_VALUE;
            for (int from = 0; from < chunk.size(); from++) {
                Set<String> seen = new HashSet<>();
                for (int to = from; to < chunk.size(); to++) {
                    if (matched.contains(chunk.get(to))) {
                        seen.add(chunk.get(to));
                    }
                    if (seen.size() == matched.size()) {
                        best = Math.min(best, to - from + 1);
                        break;
                    }
                }
            }
            return (double) matched.size() / best;
        }

        private static double pairs(List<String> query, Map<String, List<Integer>> positions) {
            Set<String> pairs = new HashSet<>();
            int found = 0;
            for (int i = 0; i + 1 < query.size(); i++) {
                String a = query.get(i);
                String b = query.get(i + 1);
                if (a.equals(b) || !pairs.add(a + ' ' + b)) {
                    continue;
                }
                boolean near = false;
                for (int p : positions.getOrDefault(a, List.of())) {
                    for (int q : positions.getOrDefault(b, List.of())) {
                        near |= q > p && q - p <= 2;
                    }
                }
                found += near ? 1 : 0;
            }
            return pairs.isEmpty() ? 0 : (double) found / pairs.size();
        }
    }
}
