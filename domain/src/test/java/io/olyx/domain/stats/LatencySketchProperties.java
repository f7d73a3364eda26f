package io.olyx.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.grading.Percentiles;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class LatencySketchProperties {
    /** Latencies from exactly 0 through microseconds to hours, the range a gateway sees. */
    @Provide
    Arbitrary<List<Double>> latencies() {
        Arbitrary<Double> value = Arbitraries.oneOf(
                Arbitraries.just(0.0),
                Arbitraries.doubles().between(0.001, 10).ofScale(6),
                Arbitraries.doubles().between(10, 5_000).ofScale(4),
                Arbitraries.doubles().between(5_000, 10_000_000).ofScale(3));
        return value.list().ofMaxSize(300);
    }

    static LatencySketch sketch(List<Double> values) {
        return LatencySketch.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property
    void percentilesAreWithinTheStatedRelativeErrorOfTheExactValue(@ForAll("latencies") List<Double> values,
                                                                   @ForAll @DoubleRange(min = 0, max = 100) double p) {
        double exact = Percentiles.of(values, p);
        double estimate = sketch(values).percentile(p);

        assertThat(Math.abs(estimate - exact))
                .isLessThanOrEqualTo(LatencySketch.RELATIVE_ACCURACY * exact * (1 + 1e-9) + 1e-12);
    }

    @Property
    void mergeIsCommutative(@ForAll("latencies") List<Double> a, @ForAll("latencies") List<Double> b) {
        assertThat(sketch(a).merge(sketch(b))).isEqualTo(sketch(b).merge(sketch(a)));
    }

    @Property
    void mergeIsAssociative(@ForAll("latencies") List<Double> a, @ForAll("latencies") List<Double> b,
                            @ForAll("latencies") List<Double> c) {
        assertThat(sketch(a).merge(sketch(b)).merge(sketch(c))).isEqualTo(sketch(a).merge(sketch(b).merge(sketch(c))));
    }

    @Property
    void theMergeOfASplitEqualsTheSketchOfTheWhole(@ForAll("latencies") List<Double> values,
                                                    @ForAll @IntRange(min = 0, max = 300) int cut) {
        int at = Math.min(cut, values.size());
        LatencySketch merged = sketch(values.subList(0, at)).merge(sketch(values.subList(at, values.size())));

        assertThat(merged).isEqualTo(sketch(values));
        assertThat(merged.count()).isEqualTo(values.size());
        assertThat(LatencySketch.empty().merge(merged)).isEqualTo(merged);
    }

    @Property
    void aStoredSketchRestoresEqual(@ForAll("latencies") List<Double> values) {
        LatencySketch s = sketch(values);

        assertThat(LatencySketch.restore(s.buckets(), s.zeroCount(), s.sumMicros(), s.min(), s.max())).isEqualTo(s);
    }

    @Property
    void theMeanIsExactToTheMicrosecond(@ForAll("latencies") List<Double> values) {
        if (values.isEmpty()) {
            return;
        }
        double exact = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(sketch(values).meanMs()).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.001));
    }

    @Property
    void builderOrderDoesNotMatter(@ForAll("latencies") List<Double> values) {
        List<Double> reversed = new ArrayList<>(values);
        java.util.Collections.reverse(reversed);

        assertThat(sketch(reversed)).isEqualTo(sketch(values));
    }
}
