package io.olyx.domain.guard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds smuggled text and decodes it so the injection rules can read it: base64, hex and 8-bit binary runs,
 * Morse code, Caesar/ROT-n shifted words, pig latin and reversed text. A decoding is kept only when the result
 * reads as English (enough common words), so random tokens and ordinary prose produce nothing.
 */
final class PayloadDecoder {

    record Decoded(String kind, int start, int end, String text) {
    }

    private static final Pattern BASE64 = Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{20,}={0,2}(?![A-Za-z0-9+/=])");
    private static final Pattern HEX = Pattern.compile("(?i)(?<![0-9a-z])(?:[0-9a-f]{2}[ :]?){12,512}(?![0-9a-z])");
    private static final Pattern BINARY = Pattern.compile("(?<![01])(?:[01]{8}[ ]?){6,256}(?![01])");
    private static final Pattern MORSE = Pattern.compile("(?<![.\\-\\w])[.\\-]{1,7}(?:(?: / | {1,3}|/)[.\\-]{1,7}){5,400}");
    private static final Pattern WORDS = Pattern.compile("[a-z]+");
    private static final Map<String, Character> MORSE_CODE = Map.ofEntries(
            Map.entry(".-", 'a'), Map.entry("-...", 'b'), Map.entry("-.-.", 'c'), Map.entry("-..", 'd'),
            Map.entry(".", 'e'), Map.entry("..-.", 'f'), Map.entry("--.", 'g'), Map.entry("....", 'h'),
            Map.entry("..", 'i'), Map.entry(".---", 'j'), Map.entry("-.-", 'k'), Map.entry(".-..", 'l'),
            Map.entry("--", 'm'), Map.entry("-.", 'n'), Map.entry("---", 'o'), Map.entry(".--.", 'p'),
            Map.entry("--.-", 'q'), Map.entry(".-.", 'r'), Map.entry("...", 's'), Map.entry("-", 't'),
            Map.entry("..-", 'u'), Map.entry("...-", 'v'), Map.entry(".--", 'w'), Map.entry("-..-", 'x'),
            Map.entry("-.--", 'y'), Map.entry("--..", 'z'), Map.entry("-----", '0'), Map.entry(".----", '1'),
            Map.entry("..---", '2'), Map.entry("...--", '3'), Map.entry("....-", '4'), Map.entry(".....", '5'),
            Map.entry("-....", '6'), Map.entry("--...", '7'), Map.entry("---..", '8'), Map.entry("----.", '9'));

    private final EntityLexicon words;

    PayloadDecoder(EntityLexicon words) {
        this.words = words;
    }

    List<Decoded> decode(String original, String norm) {
        List<Decoded> out = new ArrayList<>();
        boolean digits = false;
        for (int i = 0; i < original.length() && !digits; i++) {
            digits = Character.isDigit(original.charAt(i));
        }
        base64(original, out);
        if (digits && longRun(original, HEX_CHARS, 24)) {
            hex(original, out);
        }
        if (digits && longRun(original, BINARY_CHARS, 48)) {
            binary(original, out);
        }
        if (original.indexOf(".-") >= 0 || original.indexOf("-.") >= 0) {
            morse(original, out);
        }
        wordCiphers(norm, out);
        return out;
    }

    private static boolean[] table(String alphabet) {
        boolean[] t = new boolean[128];
        for (char c : alphabet.toCharArray()) {
            t[c] = true;
        }
        return t;
    }

    private static final boolean[] BASE64_CHARS = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    private static final boolean[] HEX_CHARS = table("0123456789abcdefABCDEF :");
    private static final boolean[] BINARY_CHARS = table("01 ");

    /** True when {@code s} has a run of at least {@code min} characters from the {@code alphabet} table. */
    private static boolean longRun(String s, boolean[] alphabet, int min) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && alphabet[c]) {
                if (++run >= min) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    private void base64(String s, List<Decoded> out) {
        if (!longRun(s, BASE64_CHARS, 20)) {
            return;
        }
        Matcher m = BASE64.matcher(s);
        while (m.find()) {
            String v = m.group();
            if (!mixedBase64(v)) {
                continue;
            }
            int usable = v.replace("=", "").length() / 4 * 4;
            try {
                byte[] bytes = Base64.getDecoder().decode(v.substring(0, usable));
                String text = printable(bytes);
                if (text != null && readsAsEnglish(text.toLowerCase(), 0.5)) {
                    out.add(new Decoded("base64", m.start(), m.end(), text));
                }
            } catch (IllegalArgumentException e) {
                // not base64 after all
            }
        }
    }

    private static boolean mixedBase64(String v) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }

    private void hex(String s, List<Decoded> out) {
        Matcher m = HEX.matcher(s);
        while (m.find()) {
            String v = m.group().replaceAll("[ :]", "");
            if (v.length() % 2 == 1) {
                v = v.substring(0, v.length() - 1);
            }
            byte[] bytes = new byte[v.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(v.substring(2 * i, 2 * i + 2), 16);
            }
            String text = printable(bytes);
            if (text != null && readsAsEnglish(text.toLowerCase(), 0.5)) {
                out.add(new Decoded("hex", m.start(), m.end(), text));
            }
        }
    }

    private void binary(String s, List<Decoded> out) {
        Matcher m = BINARY.matcher(s);
        while (m.find()) {
            String v = m.group().replace(" ", "");
            byte[] bytes = new byte[v.length() / 8];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(v.substring(8 * i, 8 * i + 8), 2);
            }
            String text = printable(bytes);
            if (text != null && readsAsEnglish(text.toLowerCase(), 0.5)) {
                out.add(new Decoded("binary", m.start(), m.end(), text));
            }
        }
    }

    private void morse(String s, List<Decoded> out) {
        Matcher m = MORSE.matcher(s);
        while (m.find()) {
            StringBuilder text = new StringBuilder();
            for (String word : m.group().split(" ?/ ?| {3}")) {
                for (String letter : word.trim().split(" +")) {
                    Character c = MORSE_CODE.get(letter);
                    if (c != null) {
                        text.append(c);
                    }
                }
                text.append(' ');
            }
            String t = text.toString().trim();
            if (t.indexOf(' ') > 0 && readsAsEnglish(t, 0.5)) {
                out.add(new Decoded("morse", m.start(), m.end(), t));
            }
        }
    }

    /** English letter frequencies (a..z), in percent. */
    private static final double[] ENGLISH = {8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.77, 4.0, 2.4, 6.7,
        7.5, 1.9, 0.095, 6.0, 6.3, 9.1, 2.8, 0.98, 2.4, 0.15, 2.0, 0.074};

    /**
     * Cheap gate for the word ciphers: some window of 60 letters whose letter frequencies are far from English
     * (chi-square), as shifted, reversed-into-gibberish or pig-latin text is. Plain prose never pays for decoding.
     */
    private static boolean unusualLetters(String norm) {
        int[] counts = new int[26];
        char[] window = new char[60];
        int letters = 0;
        int ay = 0;
        for (int i = 0; i < norm.length(); i++) {
            char c = norm.charAt(i);
            if (c < 'a' || c > 'z') {
                if (i >= 2 && norm.charAt(i - 1) == 'y' && norm.charAt(i - 2) == 'a' && ++ay >= 3) {
                    return true;
                }
                continue;
            }
            int slot = letters % 60;
            if (letters >= 60) {
                counts[window[slot] - 'a']--;
            }
            window[slot] = c;
            counts[c - 'a']++;
            letters++;
            if (letters >= 60 && letters % 15 == 0 && chiSquare(counts, 60) > 90) {
                return true;
            }
        }
        return letters >= 20 && letters < 60 && chiSquare(counts, letters) > 90 * letters / 60.0;
    }

    private static double chiSquare(int[] counts, int total) {
        double chi = 0;
        for (int k = 0; k < 26; k++) {
            double expected = ENGLISH[k] / 100.0 * total;
            double d = counts[k] - expected;
            chi += d * d / Math.max(expected, 0.5);
        }
        return chi;
    }

    /** Caesar shifts, pig latin and reversal work on whole runs of words that do not read as English. */
    private void wordCiphers(String norm, List<Decoded> out) {
        if (!unusualLetters(norm) && !norm.contains("eht ") && !norm.contains(" eht")) {
            return;
        }
        List<int[]> spans = new ArrayList<>();
        int total = 0;
        int common = 0;
        int n = norm.length();
        int i = 0;
        while (i < n) {
            char c = norm.charAt(i);
            if (c < 'a' || c > 'z') {
                i++;
                continue;
            }
            int j = i;
            while (j < n && norm.charAt(j) >= 'a' && norm.charAt(j) <= 'z') {
                j++;
            }
            if (j - i >= 2) {
                spans.add(new int[] {i, j});
                total++;
                if (words.isCommonWord(norm.substring(i, j))) {
                    common++;
                }
            }
            i = j;
        }
        if (total < 4) {
            return;
        }
        // look at the longest window of consecutive non-English words
        int bestStart = -1;
        int bestLen = 0;
        int runStart = -1;
        for (int k = 0; k < spans.size(); k++) {
            String w = norm.substring(spans.get(k)[0], spans.get(k)[1]);
            boolean english = words.isCommonWord(w) && w.length() > 2;
            if (!english) {
                if (runStart < 0) {
                    runStart = k;
                }
                int len = k - runStart + 1;
                if (len > bestLen) {
                    bestLen = len;
                    bestStart = runStart;
                }
            } else {
                runStart = -1;
            }
        }
        if (bestLen < 4 || (double) common / total > 0.85 && bestLen < 6) {
            return;
        }
        int from = spans.get(bestStart)[0];
        int to = spans.get(bestStart + Math.min(bestLen, 40) - 1)[1];
        String segment = norm.substring(from, to);
        String best = null;
        String kind = null;
        double bestScore = englishRatio(segment);
        for (int shift = 1; shift < 26 && bestLen >= 5; shift++) {
            String shifted = shift(segment, shift);
            double r = englishRatio(shifted);
            if (r > bestScore + 0.3 && r >= 0.6 && longCommonWords(shifted) >= 3) {
                bestScore = r;
                best = shifted;
                kind = "caesar";
            }
        }
        String pig = unPigLatin(segment);
        if (pig != null && englishRatio(pig) >= Math.max(0.6, bestScore + 0.3)) {
            best = pig;
            kind = "pig_latin";
            bestScore = englishRatio(pig);
        }
        String reversed = new StringBuilder(segment).reverse().toString();
        if (englishRatio(reversed) >= Math.max(0.6, bestScore + 0.3)) {
            best = reversed;
            kind = "reversed";
        }
        if (best != null) {
            out.add(new Decoded(kind, from, to, best));
        }
    }

    private int longCommonWords(String s) {
        Matcher m = WORDS.matcher(s);
        int n = 0;
        while (m.find()) {
            if (m.end() - m.start() >= 4 && words.isCommonWord(m.group())) {
                n++;
            }
        }
        return n;
    }

    private static String shift(String s, int k) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'a' && c[i] <= 'z') {
                c[i] = (char) ('a' + (c[i] - 'a' + k) % 26);
            }
        }
        return new String(c);
    }

    /** "erewhay oesday ethay useryay" -> "where does the user"; null when most words do not end in "ay". */
    private String unPigLatin(String segment) {
        String[] ws = segment.split("[^a-z]+");
        int ay = 0;
        StringBuilder out = new StringBuilder();
        for (String w : ws) {
            if (w.length() < 3 || !w.endsWith("ay")) {
                out.append(w).append(' ');
                continue;
            }
            ay++;
            String stem = w.substring(0, w.length() - 2);
            String best = stem;
            if (stem.endsWith("y") && words.isCommonWord(stem.substring(0, stem.length() - 1))) {
                best = stem.substring(0, stem.length() - 1);
            } else {
                for (int k = 1; k <= Math.min(3, stem.length() - 1); k++) {
                    String cand = stem.substring(stem.length() - k) + stem.substring(0, stem.length() - k);
                    if (words.isCommonWord(cand)) {
                        best = cand;
                        break;
                    }
                }
            }
            out.append(best).append(' ');
        }
        return ay * 2 >= ws.length ? out.toString().trim() : null;
    }

    private double englishRatio(String s) {
        int total = 0;
        int common = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                i++;
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
                j++;
            }
            if (j - i >= 2) {
                total++;
                String w = s.substring(i, j);
                if (words.isCommonWord(w) && (j - i > 2 || TWO_LETTER.contains(w))) {
                    common++;
                }
            }
            i = j;
        }
        return total == 0 ? 0 : (double) common / total;
    }

    private static final java.util.Set<String> TWO_LETTER = java.util.Set.of("is", "it", "in", "on", "to", "of",
            "an", "as", "at", "be", "by", "do", "go", "he", "if", "me", "my", "no", "or", "so", "up", "us", "we");

    private boolean readsAsEnglish(String s, double min) {
        return englishRatio(s) >= min;
    }

    private static String printable(byte[] bytes) {
        String t = new String(bytes, StandardCharsets.UTF_8);
        int ok = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 32 && c != 0xFFFD || c == '\n' || c == '\t') {
                ok++;
            }
        }
        return t.length() >= 6 && ok >= t.length() * 0.95 ? t : null;
    }
}
