package io.olyx.domain.guard;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A text normalised for injection matching, with a map back to the original offsets: Unicode compatibility
 * forms folded (NFKC per character), zero-width and format characters dropped, Latin look-alikes from Cyrillic
 * and Greek mapped to Latin inside mixed-script words, lowercase, whitespace runs collapsed to one space.
 * Invisible Unicode tag characters (U+E0000..E007F) are collected separately as the hidden message they spell.
 */
final class InjectionText {

    final String original;
    final String norm;
    final int[] origIndex;
    final String hidden;
    final int zeroWidthInWords;
    final int homoglyphWords;

    private InjectionText(String original, String norm, int[] origIndex, String hidden, int zeroWidth, int homoglyphs) {
        this.original = original;
        this.norm = norm;
        this.origIndex = origIndex;
        this.hidden = hidden;
        this.zeroWidthInWords = zeroWidth;
        this.homoglyphWords = homoglyphs;
    }

    int originalStart(int normStart) {
        return normStart < origIndex.length ? origIndex[normStart] : original.length();
    }

    int originalEnd(int normEnd) {
        if (normEnd <= 0) {
            return 0;
        }
        int i = origIndex[Math.min(normEnd, origIndex.length) - 1];
        int cp = original.codePointAt(i);
        return Math.min(original.length(), i + Character.charCount(cp));
    }

    static InjectionText of(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int[] map = new int[s.length() * 2 + 16];
        StringBuilder hidden = new StringBuilder();
        int zeroWidth = 0;
        boolean lastSpace = true;
        int n = s.length();
        boolean mixedScriptText = hasLatin(s) && hasConfusable(s);
        int homoglyphs = 0;
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp >= 0xE0000 && cp <= 0xE007F) {
                if (cp >= 0xE0020 && cp <= 0xE007E) {
                    hidden.append((char) (cp - 0xE0000));
                }
                i += len;
                continue;
            }
            if (isInvisible(cp)) {
                if (i > 0 && i + len < n && Character.isLetter(s.codePointBefore(i))
                        && Character.isLetter(s.codePointAt(i + len))) {
                    zeroWidth++;
                }
                i += len;
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!lastSpace) {
                    if (out.length() + 1 >= map.length) {
                        map = java.util.Arrays.copyOf(map, map.length * 2);
                    }
                    map[out.length()] = i;
                    out.append(' ');
                    lastSpace = true;
                }
                i += len;
                continue;
            }
            if (cp < 128) {
                // ASCII fast path: no allocation per character
                if (out.length() + 1 >= map.length) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                map[out.length()] = i;
                out.append(cp >= 'A' && cp <= 'Z' ? (char) (cp + 32) : (char) cp);
                lastSpace = false;
                i++;
                continue;
            }
            String folded = fold(cp, mixedScriptText && inLatinWord(s, i));
            if (mixedScriptText && folded.length() == 1 && folded.charAt(0) != cp && inLatinWord(s, i)) {
                homoglyphs++;
            }
            if (out.length() + folded.length() >= map.length) {
                map = java.util.Arrays.copyOf(map, map.length * 2 + folded.length());
            }
            for (int k = 0; k < folded.length(); k++) {
                map[out.length()] = i;
                out.append(folded.charAt(k));
            }
            lastSpace = false;
            i += len;
        }
        int[] trimmed = new int[out.length()];
        System.arraycopy(map, 0, trimmed, 0, out.length());
        return new InjectionText(s, out.toString(), trimmed, hidden.toString(), zeroWidth, homoglyphs);
    }

    private static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp == 0x00AD
                || cp == 0x180E || cp == 0x034F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static String fold(int cp, boolean latinContext) {
        if (latinContext) {
            char c = confusable(cp);
            if (c != 0) {
                return String.valueOf(c);
            }
        }
        if (cp < 128) {
            return String.valueOf(Character.toLowerCase((char) cp));
        }
        String nf = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        return nf.toLowerCase(Locale.ROOT);
    }

    /** Cyrillic and Greek letters that render like Latin ones. */
    private static char confusable(int cp) {
        return switch (cp) {
            case 'а', 'А', 'α', 'Α' -> 'a';
            case 'е', 'Е', 'ε', 'Ε' -> 'e';
            case 'о', 'О', 'ο', 'Ο' -> 'o';
            case 'р', 'Р', 'ρ', 'Ρ' -> 'p';
            case 'с', 'С', 'ϲ' -> 'c';
            case 'х', 'Х', 'χ', 'Χ' -> 'x';
            case 'у', 'У', 'γ' -> 'y';
            case 'і', 'І', 'ι', 'Ι' -> 'i';
            case 'ј', 'Ј' -> 'j';
            case 'ѕ', 'Ѕ' -> 's';
            case 'к', 'К', 'κ', 'Κ' -> 'k';
            case 'м', 'М', 'Μ' -> 'm';
            case 'н', 'Н', 'Η' -> 'h';
            case 'т', 'Т', 'τ', 'Τ' -> 't';
            case 'в', 'В', 'Β' -> 'b';
            case 'ν', 'Ν' -> 'n';
            case 'Ζ' -> 'z';
            default -> 0;
        };
    }

    private static boolean hasLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasConfusable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (confusable(s.charAt(i)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** A look-alike letter only counts as a disguise inside a word that also has ASCII Latin letters. */
    private static boolean inLatinWord(String s, int at) {
        int a = at;
        while (a > 0 && Character.isLetter(s.charAt(a - 1))) {
            a--;
        }
        int b = at;
        while (b < s.length() && Character.isLetter(s.charAt(b))) {
            b++;
        }
        for (int k = a; k < b; k++) {
            char c = s.charAt(k);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }
}
