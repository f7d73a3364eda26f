package io.olyx.application.replay;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How closely a replay's answers match the source's, 0–1: per replayed step, the F1 overlap of the two answers' word
 * sets (case- and accent-insensitive), averaged over the steps where both answered with text. Cheap and
 * deterministic; it says "the cheaper model said the same things", which is the evidence the migration rule needs.
 */
final class OutputOverlap {
    private OutputOverlap() {
    }

    record Pair(Object sourceOutput, Object replayOutput) {
    }

    static Optional<Double> of(List<Pair> pairs) {
        double sum = 0;
        int counted = 0;
        for (Pair pair : pairs) {
            if (pair.sourceOutput() instanceof String a && pair.replayOutput() instanceof String b
                    && !(a.isBlank() && b.isBlank())) {
                sum += f1(words(a), words(b));
                counted++;
            }
        }
        return counted == 0 ? Optional.empty() : Optional.of(Math.round(sum / counted * 1e4) / 1e4);
    }

    static double f1(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return 2.0 * common.size() / (a.size() + b.size());
    }

    static Set<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new HashSet<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
