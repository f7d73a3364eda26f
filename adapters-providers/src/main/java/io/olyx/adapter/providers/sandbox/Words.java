package io.olyx.adapter.providers.sandbox;

import io.olyx.domain.common.Characters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough text analysis for the sandbox to look attentive: words, stop words and a crude stemmer. */
final class Words {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "if", "then", "of", "to",
            "in", "on", "at", "by", "for", "with", "about", "from", "into", "over", "as", "is", "are", "was", "were",
            "be", "been", "being", "do", "does", "did", "done", "have", "has", "had", "i", "you", "he", "she", "it",
            "we", "they", "me", "my", "your", "our", "their", "its", "this", "that", "these", "those", "what",
            "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "would", "should", "will",
            "shall", "may", "might", "must", "please", "s", "t", "not", "no", "yes", "so", "than", "too", "very",
            "just", "also", "there", "here", "some", "any", "all", "up", "out", "get", "gets", "set", "fetch",
            "retrieve", "return", "returns", "right", "now", "tell", "give", "show", "let", "us", "like", "want",
            "need", "know", "use", "using", "one", "much", "many");

    private Words() {
    }

    /** Lowercased words of the text, in order, with repeats. */
    static List<String> all(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(CAMEL.matcher(text).replaceAll(" ").replace('_', ' '));
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The distinct stemmed words that carry meaning. */
    static Set<String> content(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : all(text)) {
            if (!STOP.contains(word)) {
                out.add(stem(word));
            }
        }
        return out;
    }

    static boolean isStopWord(String word) {
        return STOP.contains(word.toLowerCase(Locale.ROOT));
    }

    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 5 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 4 && word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** The text cut at a word boundary to at most {@code max} characters, with an ellipsis when cut. */
    static String shorten(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max);
        return Characters.truncate(flat, cut > max / 2 ? cut : max) + "…";
    }

    /** A stable 64-bit FNV-1a hash, so sandbox output never depends on the JVM's hashCode. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
