package io.olyx.domain.rag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The small analyzer the rerankers use to compare a query with a chunk: lower-cased letter/digit runs,
 * English function words dropped, and a light suffix stripper so that "cells", "cell's" and "cell" meet.
 * It only has to agree with itself (query and chunk go through the same steps), not with the index analyzer.
 */
public final class Terms {

    private static final List<String> STOPWORDS = List.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
            "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
            "to", "was", "will", "with", "what", "which", "who", "whom", "how", "when", "where", "why", "do",
            "does", "did", "has", "have", "had", "been", "being", "were", "from", "than", "its", "can", "may");
    /** The stopwords by length, so a word is compared only with those of its own length. */
    private static final char[][][] STOPWORDS_BY_LENGTH = byLength(STOPWORDS);

    private Terms() {
    }

    /** The analysed terms of {@code text} in order, duplicates kept (positions matter for proximity). */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        scan(text, (term, length) -> terms.add(new String(term, 0, length)));
        return terms;
    }

    /** Receives each analysed term in turn, as the first {@code length} chars of a buffer reused for the next. */
    @FunctionalInterface
    interface Sink {
        void term(char[] term, int length);
    }

    /**
     * Analyses {@code text} term by term into one reused buffer, so a caller that only compares terms builds no
     * strings. ASCII text is lower-cased a character at a time; any other text as a whole first, since a few
     * characters change length or depend on their neighbours when lower-cased (the Turkish dotted I, the Greek
     * final sigma).
     */
    static void scan(String text, Sink sink) {
        String s = isAscii(text) ? text : text.toLowerCase(Locale.ROOT);
        char[] term = new char[32];
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || isInnerJoiner(s, i))) {
                i++;
            }
            int length = i - start;
            if (length == 0) {
                continue;
            }
            if (length > term.length) {
                term = new char[Math.max(length, 2 * term.length)];
            }
            for (int c = 0; c < length; c++) {
                char ch = s.charAt(start + c);
                term[c] = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
            }
            if (!isStopword(term, length)) {
                sink.term(term, stem(term, length));
            }
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Keeps "il-6", "covid-19" and "t.cell" as one term: a joiner between two letters or digits. */
    private static boolean isInnerJoiner(String s, int i) {
        char c = s.charAt(i);
        return (c == '-' || c == '.') && i + 1 < s.length() && i > 0
                && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    private static boolean isStopword(char[] term, int length) {
        if (length >= STOPWORDS_BY_LENGTH.length) {
            return false;
        }
        for (char[] stopword : STOPWORDS_BY_LENGTH[length]) {
            if (Arrays.equals(term, 0, length, stopword, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Strips the suffix in place and returns the stem's length ("studies" becomes "study"). A term never holds an
     * apostrophe, so "cell's" reaches here as "cell" (and a lone "s").
     */
    private static int stem(char[] w, int length) {
        int n = length;
        if (n <= 3) {
            return n;
        }
        if (endsWith(w, n, "ies") && n > 4) {
            w[n - 3] = 'y';
            return n - 2;
        }
        if (endsWith(w, n, "sses")) {
            return n - 2;
        }
        if (endsWith(w, n, "s") && !endsWith(w, n, "ss") && !endsWith(w, n, "us") && !endsWith(w, n, "is")) {
            n--;
        }
        if (endsWith(w, n, "ing") && n > 5) {
            return n - 3;
        }
        if (endsWith(w, n, "ed") && n > 4) {
            return n - 2;
        }
        return n;
    }

    private static boolean endsWith(char[] w, int length, String suffix) {
        int from = length - suffix.length();
        if (from < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (w[from + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char[][][] byLength(List<String> words) {
        int longest = words.stream().mapToInt(String::length).max().orElse(0);
        char[][][] out = new char[longest + 1][][];
        for (int length = 0; length <= longest; length++) {
            int l = length;
            out[length] = words.stream().filter(w -> w.length() == l).map(String::toCharArray).toArray(char[][]::new);
        }
        return out;
    }
}
