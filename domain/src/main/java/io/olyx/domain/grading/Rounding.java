package io.olyx.domain.grading;

/** Scores are reported to four decimals so repeated gradings print identically and tests compare exactly. */
final class Rounding {
    private Rounding() {
    }

    static double ratio(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
