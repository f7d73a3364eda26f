package io.olyx.domain.stats;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What graded traces add to an hour: how many, their revenue, how many carried each security flag, their tool
 * fidelity, chain depths and stall probabilities. Scores are summed in millionths so merges stay exact; depths
 * and stall probabilities (in whole percent) are kept as histograms so thresholds apply when the stats are read.
 */
public record TraceTotals(long traces, BigDecimal revenue, long piiTraces, long injectionTraces, long secretTraces,
                          long fidelityMicros, long fidelityTraces, long chainDepthSum, int chainDepthMax,
                          CountHistogram chainDepths, long stallMicros, CountHistogram stallPercent) {
    /** Depths 0–63 each have a bin; deeper chains share the last one (their exact maximum is kept apart). */
    public static final int DEPTH_BINS = 65;
    public static final int STALL_BINS = 101;

    public TraceTotals {
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(chainDepths, "chainDepths");
        Objects.requireNonNull(stallPercent, "stallPercent");
    }

    public static TraceTotals empty() {
        return new TraceTotals(0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0, CountHistogram.empty(DEPTH_BINS), 0,
                CountHistogram.empty(STALL_BINS));
    }

    public TraceTotals merge(TraceTotals o) {
        return new TraceTotals(traces + o.traces, revenue.add(o.revenue), piiTraces + o.piiTraces,
                injectionTraces + o.injectionTraces, secretTraces + o.secretTraces, fidelityMicros + o.fidelityMicros,
                fidelityTraces + o.fidelityTraces, chainDepthSum + o.chainDepthSum,
                Math.max(chainDepthMax, o.chainDepthMax), chainDepths.merge(o.chainDepths),
                stallMicros + o.stallMicros, stallPercent.merge(o.stallPercent));
    }

    /** Traces that made at least one tool-call cycle. */
    public long toolTraces() {
        return chainDepths.countAtLeast(1);
    }

    static int stallPercentBin(double probability) {
        return (int) Math.floor(probability * 100 + 1e-9);
    }

    static long micros(double score) {
        return Math.round(score * 1e6);
    }
}
