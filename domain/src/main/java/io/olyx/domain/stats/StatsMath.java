package io.olyx.domain.stats;

/** Rounding and safe ratios for reported figures. */
final class StatsMath {
    private StatsMath() {
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** part / whole × 100, 0 when whole is 0, to two decimals. */
    static double percent(double part, double whole) {
        return whole == 0 ? 0 : round(part / whole * 100, 2);
    }
}
