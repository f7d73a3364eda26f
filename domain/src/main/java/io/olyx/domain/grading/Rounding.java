package io.olyx.domain.grading;

/**
 * Scores are reported to four decimals and milliseconds to three (a microsecond), so repeated gradings print
 * identically, tests compare exactly, and no figure carries binary float noise such as 586.3464630999999.
 */
final class Rounding {
    private Rounding() {
    }

    static double millis(double value) {
        return Math.round(value * 1_000) / 1_000.0;
    }

    static double ratio(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
