package io.olyx.domain.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The small analyzer the rerankers use to compare a query with a chunk: lower-cased letter/digit runs,
 * English function words dropped, and a light suffix stripper so that "cells", "cell's" and "cell" meet.
 * It only has to agree with itself (query and chunk go through the same steps), not with the index analyzer.
 */
public final class Terms {

    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
            "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
            "to", "was", "will", "with", "what", "which", "who", "whom", "how", "when", "where", "why", "do",
            "does", "did", "has", "have", "had", "been", "being", "were", "from", "than", "its", "can", "may");

    private Terms() {
    }

    /** The analysed terms of {@code text} in order, duplicates kept (positions matter for proximity). */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < lower.length() && (Character.isLetterOrDigit(lower.charAt(i)) || isInnerJoiner(lower, i))) {
                i++;
            }
            if (i > start) {
                String word = lower.substring(start, i);
                if (!STOPWORDS.contains(word)) {
                    terms.add(stem(word));
                }
            }
        }
        return terms;
    }

    /** Keeps "il-6", "covid-19" and "t.cell" as one term: a joiner between two letters or digits. */
    private static boolean isInnerJoiner(String s, int i) {
        char c = s.charAt(i);
        return (c == '-' || c == '.') && i + 1 < s.length() && i > 0
                && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    static String stem(String w) {
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
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
}
