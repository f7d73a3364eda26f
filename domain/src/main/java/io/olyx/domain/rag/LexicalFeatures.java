package io.olyx.domain.rag;

import java.util.List;

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
        QueryTerms query = QueryTerms.ofTerms(queryTerms);
        return of(query, query.find(chunkTerms));
    }

    /** The features of a chunk's text, read without building its terms as strings. */
    public static LexicalFeatures of(QueryTerms query, String chunkText) {
        return query.isEmpty() ? NONE : of(query, query.find(chunkText));
    }

    /** @param chunk the chunk's analysed terms as {@link QueryTerms#find} numbers them */
    private static LexicalFeatures of(QueryTerms query, int[] chunk) {
        int distinct = query.distinctCount();
        if (distinct == 0 || chunk.length == 0) {
            return NONE;
        }
        boolean[] present = new boolean[distinct];
        int matched = 0;
        for (int term : chunk) {
            if (term != QueryTerms.OTHER && !present[term]) {
                present[term] = true;
                matched++;
            }
        }
        return new LexicalFeatures((double) matched / distinct, proximity(chunk, distinct, matched),
                orderedPairs(query, chunk));
    }

    /** Shortest window containing every matched term, by the classic two-pointer sweep. */
    private static double proximity(int[] chunk, int distinct, int matched) {
        if (matched == 0) {
            return 0;
        }
        int[] inWindow = new int[distinct];
        int covered = 0;
        int best = Integer.MAX_VALUE;
        int left = 0;
        for (int right = 0; right < chunk.length; right++) {
            if (chunk[right] == QueryTerms.OTHER) {
                continue;
            }
            if (inWindow[chunk[right]]++ == 0) {
                covered++;
            }
            while (covered == matched) {
                int l = chunk[left];
                if (l != QueryTerms.OTHER) {
                    best = Math.min(best, right - left + 1);
                    if (--inWindow[l] == 0) {
                        covered--;
                    }
                }
                left++;
            }
        }
        return (double) matched / best;
    }

    /** Share of the query's side-by-side pairs whose second term follows the first within two chunk positions. */
    private static double orderedPairs(QueryTerms query, int[] chunk) {
        if (query.pairCount() == 0) {
            return 0;
        }
        boolean[] found = new boolean[query.pairCount()];
        int count = 0;
        for (int p = 0; p < chunk.length; p++) {
            if (chunk[p] == QueryTerms.OTHER) {
                continue;
            }
            for (int pair : query.pairsFrom(chunk[p])) {
                int second = query.pairSecond(pair);
                if (!found[pair] && (termAt(chunk, p + 1) == second || termAt(chunk, p + 2) == second)) {
                    found[pair] = true;
                    count++;
                }
            }
        }
        return (double) count / query.pairCount();
    }

    private static int termAt(int[] chunk, int position) {
        return position < chunk.length ? chunk[position] : QueryTerms.OTHER;
    }
}
