package io.olyx.domain.stats;

import io.olyx.domain.grading.Percentiles;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A mergeable latency distribution with bounded relative error (the DDSketch construction): a value v is counted in
 * bucket {@code i = ceil(log_γ v)} with γ = (1 + α)/(1 − α), and bucket i reports 2γ^i/(γ + 1), which is within
 * α = {@value #RELATIVE_ACCURACY} of every value the bucket holds. Any percentile (computed as in
 * {@link io.olyx.domain.grading.Percentiles}, linear interpolation between closest ranks) is therefore within 1%
 * of the exact percentile of the values added: each rank's value is, and interpolating two such values keeps the
 * bound. Values below {@value #MIN_TRACKED_MS} ms count as 0, values above {@value #MAX_TRACKED_MS} ms are
 * clamped. Estimates are also clamped to the exact min and max, which only tightens them.
 *
 * <p>About 1,400 buckets span 1 µs to 11 days; a real service touches a few hundred. Merging adds counts, so it is
 * associative and commutative, and the merge of any split of the values equals the sketch of all of them. The
 * exact sum (in whole microseconds, so merges stay exact) gives the mean.
 */
public final class LatencySketch {
    public static final double RELATIVE_ACCURACY = 0.01;
    public static final double MIN_TRACKED_MS = 0.001;
    public static final double MAX_TRACKED_MS = 1e9;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final LatencySketch EMPTY = new LatencySketch(0, new long[0], 0, 0, 0, 0);

    private final int offset;
    private final long[] counts;
    private final long zeroCount;
    private final long sumMicros;
    private final double min;
    private final double max;
    private final long count;

    private LatencySketch(int offset, long[] counts, long zeroCount, long sumMicros, double min, double max) {
        this.offset = offset;
        this.counts = counts;
        this.zeroCount = zeroCount;
        this.sumMicros = sumMicros;
        this.min = min;
        this.max = max;
        this.count = zeroCount + Arrays.stream(counts).sum();
    }

    public static LatencySketch empty() {
        return EMPTY;
    }

    public static LatencySketch of(double... valuesMs) {
        Builder builder = new Builder();
        for (double value : valuesMs) {
            builder.add(value);
        }
        return builder.build();
    }

    /** Rebuilds a stored sketch from {@link #buckets()}, {@link #zeroCount()}, {@link #sumMicros()}, min and max. */
    public static LatencySketch restore(Map<Integer, Long> buckets, long zeroCount, long sumMicros, double min,
                                        double max) {
        if (zeroCount < 0 || buckets.values().stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (buckets.values().stream().allMatch(c -> c == 0) && zeroCount == 0) {
            return EMPTY;
        }
        TreeMap<Integer, Long> sorted = new TreeMap<>(buckets);
        sorted.values().removeIf(c -> c == 0);
        if (sorted.isEmpty()) {
            return new LatencySketch(0, new long[0], zeroCount, sumMicros, min, max);
        }
        int first = sorted.firstKey();
        long[] dense = new long[sorted.lastKey() - first + 1];
        sorted.forEach((index, c) -> dense[index - first] = c);
        return new LatencySketch(first, dense, zeroCount, sumMicros, min, max);
    }

    public long count() {
        return count;
    }

    public long zeroCount() {
        return zeroCount;
    }

    public long sumMicros() {
        return sumMicros;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double meanMs() {
        return count == 0 ? 0 : sumMicros / 1_000.0 / count;
    }

    public double sumMs() {
        return sumMicros / 1_000.0;
    }

    /** Non-empty buckets, index → count, for storage. */
    public Map<Integer, Long> buckets() {
        Map<Integer, Long> out = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                out.put(offset + i, counts[i]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public LatencySketch merge(LatencySketch other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        int first = Math.min(firstIndex(), other.firstIndex());
        int last = Math.max(lastIndex(), other.lastIndex());
        long[] merged = new long[counts.length == 0 && other.counts.length == 0 ? 0 : last - first + 1];
        addInto(merged, first);
        other.addInto(merged, first);
        return new LatencySketch(merged.length == 0 ? 0 : first, merged, zeroCount + other.zeroCount,
                sumMicros + other.sumMicros, Math.min(min, other.min), Math.max(max, other.max));
    }

    /** The p-th percentile (0–100), within {@value #RELATIVE_ACCURACY} relative error; 0 when empty. */
    public double percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100");
        }
        if (count == 0) {
            return 0;
        }
        double h = (count - 1) * p / 100.0;
        long low = (long) Math.floor(h);
        double fraction = h - low;
        double lowValue = valueAtRank(low);
        double highValue = fraction > 0 && low + 1 < count ? valueAtRank(low + 1) : lowValue;
        return Percentiles.interpolate(lowValue, highValue, fraction);
    }

    private double valueAtRank(long rank) {
        if (rank < zeroCount) {
            return clamp(0);
        }
        long seen = zeroCount;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (rank < seen) {
                return clamp(2 * Math.pow(GAMMA, offset + i) / (GAMMA + 1));
            }
        }
        return max;
    }

    private double clamp(double estimate) {
        return Math.min(Math.max(estimate, min), max);
    }

    private int firstIndex() {
        return counts.length == 0 ? Integer.MAX_VALUE : offset;
    }

    private int lastIndex() {
        return counts.length == 0 ? Integer.MIN_VALUE : offset + counts.length - 1;
    }

    private void addInto(long[] target, int targetOffset) {
        for (int i = 0; i < counts.length; i++) {
            target[offset + i - targetOffset] += counts[i];
        }
    }

    static int indexOf(double valueMs) {
        return (int) Math.ceil(Math.log(valueMs) / LOG_GAMMA);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencySketch s && offset == s.offset && zeroCount == s.zeroCount
                && sumMicros == s.sumMicros && Double.compare(min, s.min) == 0 && Double.compare(max, s.max) == 0
                && Arrays.equals(counts, s.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, zeroCount, sumMicros, min, max, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "LatencySketch[count=" + count + ", min=" + min + ", max=" + max + ", p50=" + percentile(50) + "]";
    }

    /** Collects values one at a time without copying; not thread-safe. */
    public static final class Builder {
        private long[] counts = new long[64];
        private int offset;
        private boolean anyBucket;
        private long zeroCount;
        private long sumMicros;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        public Builder add(double valueMs) {
            if (!(valueMs >= 0)) {
                throw new IllegalArgumentException("latency must be a non-negative number");
            }
            double value = Math.min(valueMs, MAX_TRACKED_MS);
            sumMicros += Math.round(value * 1_000);
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (value < MIN_TRACKED_MS) {
                zeroCount++;
            } else {
                increment(indexOf(value));
            }
            return this;
        }

        private void increment(int index) {
            if (!anyBucket) {
                offset = index - counts.length / 2;
                anyBucket = true;
            }
            if (index < offset || index >= offset + counts.length) {
                grow(index);
            }
            counts[index - offset]++;
        }

        private void grow(int index) {
            int first = Math.min(offset, index);
            int last = Math.max(offset + counts.length - 1, index);
            int size = Math.max(last - first + 1, counts.length * 2);
            int newOffset = index < offset ? last - size + 1 : first;
            long[] grown = new long[size];
            System.arraycopy(counts, 0, grown, offset - newOffset, counts.length);
            counts = grown;
            offset = newOffset;
        }

        public LatencySketch build() {
            if (zeroCount == 0 && !anyBucket) {
                return EMPTY;
            }
            int first = 0;
            while (first < counts.length && counts[first] == 0) {
                first++;
            }
            int last = counts.length - 1;
            while (last >= first && counts[last] == 0) {
                last--;
            }
            long[] trimmed = first > last ? new long[0] : Arrays.copyOfRange(counts, first, last + 1);
            return new LatencySketch(trimmed.length == 0 ? 0 : offset + first, trimmed, zeroCount, sumMicros, min,
                    max);
        }
    }
}
