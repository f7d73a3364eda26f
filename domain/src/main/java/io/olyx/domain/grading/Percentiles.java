package io.olyx.domain.grading;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles by linear interpolation between closest ranks (Hyndman–Fan type 7, the default of NumPy and R): for
 * {@code n} sorted values the p-th percentile sits at zero-based position {@code h = (n − 1)·p/100}, between
 * {@code x[floor h]} and {@code x[floor h + 1]}. The input is sorted first, so the result never depends on order.
 * An empty input gives 0.
 */
public final class Percentiles {
    private Percentiles() {
    }

    public static double of(Collection<Double> values, double percentile) {
        return ofSorted(sorted(values), percentile);
    }

    public static double[] sorted(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** {@code sorted} must be in ascending order. */
    public static double ofSorted(double[] sorted, double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100");
        }
        if (sorted.length == 0) {
            return 0.0;
        }
        double h = (sorted.length - 1) * percentile / 100.0;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return interpolate(sorted[low], sorted[high], h - low);
    }

    /** Linear interpolation that returns exactly {@code low} or {@code high} at the ends and stays between them. */
    public static double interpolate(double low, double high, double fraction) {
        if (fraction <= 0 || low == high) {
            return low;
        }
        double value = low + fraction * (high - low);
        return Math.min(Math.max(value, low), high);
    }
}
