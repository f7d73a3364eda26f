package io.olyx.domain.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of small non-negative integers (chain depths, stall probabilities in whole percent) with one overflow
 * bin for everything at or above the last bin; kept whole so a threshold can be chosen when the stats are read.
 * Immutable; merging adds bin by bin.
 */
public final class CountHistogram {
    private final long[] bins;

    private CountHistogram(long[] bins) {
        this.bins = bins;
    }

    public static CountHistogram empty(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs a bin");
        }
        return new CountHistogram(new long[bins]);
    }

    public static CountHistogram of(List<Long> bins) {
        long[] copy = bins.stream().mapToLong(Long::longValue).toArray();
        if (copy.length == 0 || Arrays.stream(copy).anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("bins must be non-negative and at least one");
        }
        return new CountHistogram(copy);
    }

    public CountHistogram plus(int value) {
        long[] copy = bins.clone();
        copy[bin(value)]++;
        return new CountHistogram(copy);
    }

    public CountHistogram merge(CountHistogram other) {
        if (other.bins.length != bins.length) {
            throw new IllegalArgumentException("histograms of different shapes cannot merge");
        }
        long[] sum = bins.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.bins[i];
        }
        return new CountHistogram(sum);
    }

    /** How many values were at least {@code threshold} (values in the overflow bin count as its lower edge). */
    public long countAtLeast(int threshold) {
        long total = 0;
        for (int i = Math.max(0, bin(threshold)); i < bins.length; i++) {
            total += bins[i];
        }
        return total;
    }

    /** How many values lay in [from, to). */
    public long countBetween(int from, int to) {
        return countAtLeast(from) - countAtLeast(to);
    }

    public List<Long> bins() {
        return Arrays.stream(bins).boxed().toList();
    }

    private int bin(int value) {
        return Math.min(Math.max(value, 0), bins.length - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountHistogram h && Arrays.equals(bins, h.bins);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bins);
    }

    @Override
    public String toString() {
        return "CountHistogram" + Arrays.toString(bins);
    }
}
