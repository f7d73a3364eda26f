package io.olyx.domain.guard;

import java.util.List;

/** The tokens lo..hi around one token: up to a number of words either side, without crossing a line break. */
record LineWindow(int lo, int hi) {

    static LineWindow around(String text, List<Token> tokens, int i, int words) {
        int lo = i;
        while (lo > 0 && i - lo < words && sameLine(text, tokens.get(lo - 1), tokens.get(lo))) {
            lo--;
        }
        int hi = i;
        while (hi + 1 < tokens.size() && hi - i < words && sameLine(text, tokens.get(hi), tokens.get(hi + 1))) {
            hi++;
        }
        return new LineWindow(lo, hi);
    }

    private static boolean sameLine(String text, Token a, Token b) {
        for (int p = a.end(); p < b.start(); p++) {
            if (text.charAt(p) == '\n') {
                return false;
            }
        }
        return true;
    }
}
