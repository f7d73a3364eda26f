package io.olyx.domain.rag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query's analysed terms ({@link Terms}), numbered so a chunk's text can be read as a sequence of numbers
 * instead of strings: ranking reads a few hundred chunks per query, and their words as strings were about a fifth
 * of what a query allocated.
 */
public final class QueryTerms {
    /** A chunk term that is none of the query's. */
    static final int OTHER = -1;

    /** Each distinct term's number: the order of its first appearance in the query. */
    private final Map<String, Integer> numbers = new HashMap<>();
    /** The distinct terms' characters, by number. */
    private final char[][] termChars;
    /** The second term of each distinct pair of different terms that stand side by side in the query. */
    private final int[] pairSeconds;
    /** For each term number, the indices in {@link #pairSeconds} of the pairs it begins. */
    private final int[][] pairsFrom;

    private QueryTerms(List<String> terms) {
        int[] sequence = terms.stream().mapToInt(t -> numbers.computeIfAbsent(t, k -> numbers.size())).toArray();
        termChars = new char[numbers.size()][];
        numbers.forEach((term, number) -> termChars[number] = term.toCharArray());
        Set<List<Integer>> seen = new HashSet<>();
        List<Integer> seconds = new ArrayList<>();
        List<List<Integer>> from = new ArrayList<>();
        for (int n = 0; n < termChars.length; n++) {
            from.add(new ArrayList<>());
        }
        for (int i = 0; i + 1 < sequence.length; i++) {
            int first = sequence[i];
            int second = sequence[i + 1];
            if (first != second && seen.add(List.of(first, second))) {
                from.get(first).add(seconds.size());
                seconds.add(second);
            }
        }
        pairSeconds = seconds.stream().mapToInt(Integer::intValue).toArray();
        pairsFrom = from.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    public static QueryTerms of(String query) {
        return new QueryTerms(Terms.of(query));
    }

    /** Already analysed terms, e.g. from {@link Terms#of}. */
    public static QueryTerms ofTerms(List<String> terms) {
        return new QueryTerms(terms);
    }

    public boolean isEmpty() {
        return termChars.length == 0;
    }

    int distinctCount() {
        return termChars.length;
    }

    int pairCount() {
        return pairSeconds.length;
    }

    /** Indices of the pairs that begin with term {@code number}; shared, so callers only read it. */
    int[] pairsFrom(int number) {
        return pairsFrom[number];
    }

    int pairSecond(int pair) {
        return pairSeconds[pair];
    }

    /** The analysed terms of {@code text} in order, each as the number of the query term it is, or {@link #OTHER}. */
    int[] find(String text) {
        Numbering numbering = new Numbering();
        Terms.scan(text, numbering);
        return numbering.numbers();
    }

    /** {@link #find} for terms already analysed. */
    int[] find(List<String> terms) {
        return terms.stream().mapToInt(t -> numbers.getOrDefault(t, OTHER)).toArray();
    }

    private final class Numbering implements Terms.Sink {
        private int[] numbers = new int[64];
        private int count;

        @Override
        public void term(char[] term, int length) {
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, 2 * count);
            }
            numbers[count++] = number(term, length);
        }

        int[] numbers() {
            return Arrays.copyOf(numbers, count);
        }
    }

    private int number(char[] term, int length) {
        for (int n = 0; n < termChars.length; n++) {
            char[] candidate = termChars[n];
            if (candidate.length == length && Arrays.equals(candidate, 0, length, term, 0, length)) {
                return n;
            }
        }
        return OTHER;
    }
}
