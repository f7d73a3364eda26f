package io.olyx.domain.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word or number in a text: a maximal run of letters and digits, with inner hyphens and apostrophes kept
 * ("Fritz-Armstrong", "O'Neil"). Offsets are Java String indices, end exclusive.
 */
record Token(String text, String lower, int start, int end, boolean hasLetter, boolean hasDigit,
             boolean capitalized, boolean allCaps) {

    boolean isNumber() {
        return hasDigit && !hasLetter;
    }

    boolean isWord() {
        return hasLetter && !hasDigit;
    }

    int length() {
        return end - start;
    }

    /** "Amanda's" is the name Amanda followed by a possessive, so the token stops at the apostrophe. */
    private static boolean possessive(String s, int apostrophe) {
        char d = s.charAt(apostrophe);
        if (d == '-' || apostrophe + 1 >= s.length()) {
            return false;
        }
        char next = s.charAt(apostrophe + 1);
        boolean endAfter = apostrophe + 2 >= s.length() || !Character.isLetterOrDigit(s.charAt(apostrophe + 2));
        return (next == 's' || next == 'S') && endAfter;
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean letter = false;
            boolean digit = false;
            boolean allUpper = true;
            int letters = 0;
            while (i < n) {
                char d = s.charAt(i);
                if (Character.isLetter(d)) {
                    letter = true;
                    letters++;
                    if (!Character.isUpperCase(d)) {
                        allUpper = false;
                    }
                } else if (Character.isDigit(d)) {
                    digit = true;
                } else if ((d == '-' || d == '\'' || d == '\u2019') && i + 1 < n
                        && Character.isLetterOrDigit(s.charAt(i + 1)) && i > start && !possessive(s, i)) {
                    // keep inner joiners only between letters, so "12-34" stays two numbers
                    if (!(Character.isLetter(s.charAt(i - 1)) && Character.isLetter(s.charAt(i + 1)))) {
                        break;
                    }
                } else {
                    break;
                }
                i++;
            }
            String text = s.substring(start, i);
            boolean cap = Character.isUpperCase(text.charAt(0));
            out.add(new Token(text, text.toLowerCase(Locale.ROOT).replace('\u2019', '\''), start, i, letter, digit, cap,
                    letter && allUpper && letters >= 2));
        }
        return out;
    }
}
