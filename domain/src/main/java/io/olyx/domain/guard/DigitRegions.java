package io.olyx.domain.guard;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anchor positions for number-shaped recognizers: the start of every digit run, plus a '+' or '(' right
 * before it and two letters right before it (an IBAN's country code). Recognizers try their pattern only at
 * these anchors ({@link Matcher#lookingAt()}), so a prompt costs a few short matches per number instead of
 * one regex pass over the whole text per pattern.
 */
final class DigitRegions {

    private static final int MAX_MATCH = 160;

    private final int[] anchors;

    private DigitRegions(int[] anchors) {
        this.anchors = anchors;
    }

    static DigitRegions of(String text) {
        int n = text.length();
        int[] buf = new int[16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Character.isDigit(text.charAt(i)) || (i > 0 && Character.isDigit(text.charAt(i - 1)))) {
                continue;
            }
            if (count + 3 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            for (int back = 2; back >= 1; back--) {
                if (i - back >= 0 && (text.charAt(i - back) == '+' || text.charAt(i - back) == '(')) {
                    buf[count++] = i - back;
                    break;
                }
            }
            if (i >= 2 && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i - 2))) {
                buf[count++] = i - 2;
            }
            buf[count++] = i;
        }
        int[] a = Arrays.copyOf(buf, count);
        Arrays.sort(a);
        return new DigitRegions(a);
    }

    boolean isEmpty() {
        return anchors.length == 0;
    }

    int[] anchors() {
        return anchors;
    }

    /** Leftmost non-overlapping matches of {@code p} that start at an anchor; lookarounds see the whole text. */
    void forEachMatch(Pattern p, String text, Consumer<Matcher> each) {
        forEachMatchAt(p, text, anchors, each);
    }

    /** As {@link #forEachMatch}, trying only anchors whose digit run passes {@code worthTrying} (a cheap shape test). */
    void forEachMatch(Pattern p, String text, java.util.function.IntPredicate worthTrying, Consumer<Matcher> each) {
        int[] kept = new int[anchors.length];
        int n = 0;
        for (int a : anchors) {
            if (worthTrying.test(a)) {
                kept[n++] = a;
            }
        }
        if (n > 0) {
            forEachMatchAt(p, text, Arrays.copyOf(kept, n), each);
        }
    }

    /** Length of the digit run at or right after {@code a} (skipping a leading '+', '(' or letters). */
    static int digitRun(String text, int a) {
        int i = a;
        while (i < text.length() && i - a < 3 && !Character.isDigit(text.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
            j++;
        }
        return j - i;
    }

    /** The first character after the digit run at {@code a}, or 0 at the end of the text. */
    static char afterRun(String text, int a) {
        int i = a;
        while (i < text.length() && i - a < 3 && !Character.isDigit(text.charAt(i))) {
            i++;
        }
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i < text.length() ? text.charAt(i) : 0;
    }

    /** Digits among the next {@code window} characters, counting only digits and number separators. */
    static int digitsAhead(String text, int a, int window) {
        int d = 0;
        for (int i = a; i < Math.min(text.length(), a + window); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                d++;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+' && i > a) {
                break;
            }
        }
        return d;
    }

    static void forEachMatchAt(Pattern p, String text, int[] starts, Consumer<Matcher> each) {
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int coveredTo = 0;
        int prev = -1;
        for (int a : starts) {
            if (a < coveredTo || a == prev) {
                continue;
            }
            prev = a;
            m.region(a, Math.min(text.length(), a + MAX_MATCH));
            if (m.lookingAt() && m.end() > a) {
                each.accept(m);
                coveredTo = m.end();
            }
        }
    }
}
