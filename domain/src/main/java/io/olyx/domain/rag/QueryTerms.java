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

    /** The distinct terms, in order of first appearance; a term's number is its index here. */
    private final List<String> distinct;
    private final char[][] distinctChars;
    /** The distinct pairs of different terms that stand side by side in the query, as {first, second} numbers. */
    private final List<int[]> pairs = new ArrayList<>();
    /** For each term number, the indices in {@link #pairs} of the pairs it begins. */
    private final int[][] pairsFrom;

    private QueryTerms(List<String> terms) {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> distinctTerms = new ArrayList<>();
        int[] sequence = new int[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            sequence[i] = numbers.computeIfAbsent(terms.get(i), t -> {
                distinctTerms.add(t);
                return distinctTerms.size() - 1;
            });
        }
        distinct = List.copyOf(distinctTerms);
        distinctChars = distinct.stream().map(String::toCharArray).toArray(char[][]::new);
        Set<List<Integer>> seen = new HashSet<>();
        List<List<Integer>> from = new ArrayList<>();
        distinct.forEach(t -> from.add(new ArrayList<>()));
        for (int i = 0; i + 1 < sequence.length; i++) {
            int first = sequence[i];
            int second = sequence[i + 1];
            if (first != second && seen.add(List.of(first, second))) {
                from.get(first).add(pairs.size());
                pairs.add(new int[] {first, second});
            }
        }
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
        return distinct.isEmpty();
    }

    int distinctCount() {
        return distinct.size();
    }

    int pairCount() {
        return pairs.size();
    }

    /** Indices of the pairs that begin with term {@code number}; shared, so callers only read it. */
    int[] pairsFrom(int number) {
        return pairsFrom[number];
    }

    int pairSecond(int pair) {
        return pairs.get(pair)[1];
    }

    /** The analysed terms of {@code text} in order, each as the number of the query term it is, or {@link #OTHER}. */
    int[] find(String text) {
        Numbering numbering = new Numbering();
        Terms.scan(text, numbering);
        return numbering.numbers();
    }

    /** {@link #find} for terms already analysed. */
    int[] find(List<String> terms) {
        return terms.stream().mapToInt(t -> distinct.indexOf(t)).toArray();
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
        for (int n = 0; n < distinctChars.length; n++) {
            char[] candidate = distinctChars[n];
            if (candidate.length == length && Arrays.equals(candidate, 0, length, term, 0, length)) {
                return n;
            }
        }
        return OTHER;
    }
}
