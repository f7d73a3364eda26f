package io.olyx.domain.guard;

/** Check-digit and randomness tests that turn a digit-shaped match into evidence. */
public final class Checksums {

    private Checksums() {
    }

    /** Luhn (mod 10) over the digits of {@code s}; other characters are skipped. Needs at least 2 digits. */
    public static boolean luhn(CharSequence s) {
        int sum = 0;
        int count = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if ((count & 1) == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            count++;
        }
        return count >= 2 && sum % 10 == 0;
    }

    /**
     * ISO 13616 IBAN check: move the first four characters to the end, map letters to 10..35 and require the
     * number mod 97 to be 1. Spaces are ignored; case is ignored.
     */
    public static boolean ibanMod97(CharSequence s) {
        StringBuilder compact = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ') {
                compact.append(Character.toUpperCase(c));
            }
        }
        int n = compact.length();
        if (n < 15 || n > 34) {
            return false;
        }
        if (!isUpper(compact.charAt(0)) || !isUpper(compact.charAt(1))
                || !isDigit(compact.charAt(2)) || !isDigit(compact.charAt(3))) {
            return false;
        }
        int rem = 0;
        for (int k = 0; k < n; k++) {
            char c = compact.charAt((k + 4) % n);
            if (isDigit(c)) {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (isUpper(c)) {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return rem == 1;
    }

    /** US SSN shape rules: area not 000, 666 or 9xx; group not 00; serial not 0000. Expects 9 digits. */
    public static boolean plausibleSsn(String nineDigits) {
        if (nineDigits.length() != 9) {
            return false;
        }
        int area = Integer.parseInt(nineDigits.substring(0, 3));
        int group = Integer.parseInt(nineDigits.substring(3, 5));
        int serial = Integer.parseInt(nineDigits.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    /** Shannon entropy in bits per character of {@code s[from, to)}. */
    public static double shannonEntropy(CharSequence s, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0.0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0.0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }

    public static double shannonEntropy(CharSequence s) {
        return shannonEntropy(s, 0, s.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
