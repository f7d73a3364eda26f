package io.olyx.domain.stats;

import static io.olyx.domain.stats.RollupInputs.rollup;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class HourlyRollupProperties {
    @Provide
    Arbitrary<List<Object>> inputs() {
        return RollupInputs.inputs();
    }

    @Property
    void mergeIsCommutative(@ForAll("inputs") List<Object> a, @ForAll("inputs") List<Object> b) {
        assertThat(rollup(a).merge(rollup(b))).isEqualTo(rollup(b).merge(rollup(a)));
    }

    @Property
    void mergeIsAssociative(@ForAll("inputs") List<Object> a, @ForAll("inputs") List<Object> b,
                            @ForAll("inputs") List<Object> c) {
        assertThat(rollup(a).merge(rollup(b)).merge(rollup(c)))
                .isEqualTo(rollup(a).merge(rollup(b).merge(rollup(c))));
    }

    @Property
    void emptyIsTheIdentity(@ForAll("inputs") List<Object> a) {
        assertThat(HourlyRollup.empty().merge(rollup(a))).isEqualTo(rollup(a));
        assertThat(rollup(a).merge(HourlyRollup.empty())).isEqualTo(rollup(a));
    }

    @Property
    void theMergedRollupOfASplitEqualsTheRollupOfTheWhole(@ForAll("inputs") List<Object> all,
                                                           @ForAll @IntRange(min = 0, max = 40) int cut) {
        int at = Math.min(cut, all.size());

        assertThat(rollup(all.subList(0, at)).merge(rollup(all.subList(at, all.size())))).isEqualTo(rollup(all));
    }

    @Property
    void rollingUpOneInputAtATimeEqualsRollingUpAll(@ForAll("inputs") List<Object> all, @ForAll long seed) {
        List<Object> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        HourlyRollup oneByOne = HourlyRollup.empty();
        for (Object input : shuffled) {
            oneByOne = oneByOne.merge(rollup(List.of(input)));
        }

        assertThat(oneByOne).isEqualTo(rollup(all));
    }
}
