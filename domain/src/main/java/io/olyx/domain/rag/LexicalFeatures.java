package io.olyx.domain.rag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well a chunk's wording matches a query's, each feature in 0..1:
 * <ul>
 *   <li>{@code coverage}: share of the distinct query terms that occur in the chunk;</li>
 *   <li>{@code proximity}: matched terms divided by the length of the shortest chunk window holding all of
 *       them (1 when they stand side by side; 0 when nothing matched);</li>
 *   <li>{@code orderedPairs}: share of adjacent query term pairs that also occur in the chunk in that order
 *       within two positions (catches phrases such as "vitamin d" or "t cell").</li>
 * </ul>
 */
public record LexicalFeatures(double coverage, double proximity, double orderedPairs) {

    public static final LexicalFeatures NONE = new LexicalFeatures(0, 0, 0);

    public LexicalFeatures {
        requireUnit(coverage, "coverage");
        requireUnit(proximity, "proximity");
        requireUnit(orderedPairs, "orderedPairs");
    }

    private static void requireUnit(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + v);
        }
    }

    public static LexicalFeatures of(List<String> queryTerms, List<String> chunkTerms) {
        Set<String> distinct = new LinkedHashSet<>(queryTerms);
        if (distinct.isEmpty() || chunkTerms.isEmpty()) {
            return NONE;
        }
        Map<String, List<Integer>> positions = positions(chunkTerms, distinct);
        double coverage = (double) positions.size() / distinct.size();
        return new LexicalFeatures(coverage, proximity(chunkTerms, positions.keySet()),
                orderedPairs(queryTerms, positions));
    }

    private static Map<String, List<Integer>> positions(List<String> chunkTerms, Set<String> wanted) {
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < chunkTerms.size(); i++) {
            String t = chunkTerms.get(i);
            if (wanted.contains(t)) {
                positions.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
            }
        }
        return positions;
    }

    /** Shortest window containing every matched term, by the classic two-pointer sweep. */
    private static double proximity(List<String> chunkTerms, Set<String> matched) {
        if (matched.isEmpty()) {
            return 0;
        }
        Map<String, Integer> inWindow = new HashMap<>();
        int best = Integer.MAX_VALUE;
        int left = 0;
        for (int right = 0; right < chunkTerms.size(); right++) {
            String t = chunkTerms.get(right);
            if (!matched.contains(t)) {
                continue;
            }
            inWindow.merge(t, 1, Integer::sum);
            while (inWindow.size() == matched.size()) {
                String l = chunkTerms.get(left);
                if (matched.contains(l)) {
                    best = Math.min(best, right - left + 1);
                    if (inWindow.merge(l, -1, Integer::sum) == 0) {
                        inWindow.remove(l);
                    }
                }
                left++;
            }
        }
        return (double) matched.size() / best;
    }

    private static double orderedPairs(List<String> queryTerms, Map<String, List<Integer>> positions) {
        Set<String> pairs = new HashSet<>();
        int found = 0;
        for (int i = 0; i + 1 < queryTerms.size(); i++) {
            String a = queryTerms.get(i);
            String b = queryTerms.get(i + 1);
            if (a.equals(b) || !pairs.add(a + ' ' + b)) {
                continue;
            }
            if (follows(positions.get(a), positions.get(b))) {
                found++;
            }
        }
        return pairs.isEmpty() ? 0 : (double) found / pairs.size();
    }

    private static boolean follows(List<Integer> first, List<Integer> second) {
        if (first == null || second == null) {
            return false;
        }
        for (int p : first) {
            for (int q : second) {
                if (q > p && q - p <= 2) {
                    return true;
                }
            }
        }
        return false;
    }
}
