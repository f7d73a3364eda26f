package io.olyx.adapter.search;

import static io.olyx.adapter.search.LoneQueryChoice.EVERY_CORE;
import static io.olyx.adapter.search.LoneQueryChoice.ONE_THREAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class LoneQueryChoiceTest {
    private final LoneQueryChoice choice = new LoneQueryChoice();

    /** Runs n lone queries of 20 tokens, each taking what {@code nanos} says for the way chosen. */
    private List<Integer> run(int n, IntToLongFunction nanos) {
        List<Integer> ways = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int way = choice.choose();
            choice.timed(way, nanos.applyAsLong(way), 20);
            ways.add(way);
        }
        return ways;
    }

    @Test
    void triesBothWaysFirstThenServesTheFasterAndStillLooksAtTheOther() {
        List<Integer> ways = run(6 + 3 * LoneQueryChoice.EXPLORE_EVERY,
                way -> way == EVERY_CORE ? 4_000_000 : 6_000_000);

        assertThat(ways.subList(0, 6)).containsExactly(ONE_THREAD, ONE_THREAD, ONE_THREAD, EVERY_CORE, EVERY_CORE,
                EVERY_CORE);
        List<Integer> after = ways.subList(6, ways.size());
        assertThat(after.stream().filter(w -> w == ONE_THREAD).count()).isEqualTo(3);
        assertThat(after.stream().filter(w -> w == EVERY_CORE).count()).isEqualTo(after.size() - 3);
    }

    @Test
    void oneThreadServesWhereEveryCoreIsSlower() {
        List<Integer> ways = run(6 + 32, way -> way == EVERY_CORE ? 6_000_000 : 4_500_000);

        assertThat(ways.subList(6, ways.size()).stream().filter(w -> w == ONE_THREAD).count()).isEqualTo(30);
    }

    @Test
    void switchesWhenTheServingWayBecomesTheSlowerOne() {
        run(40, way -> way == EVERY_CORE ? 4_000_000 : 6_000_000);
        // the other core gets busy: spreading a query over both now costs three times as much
        List<Integer> later = run(200, way -> way == EVERY_CORE ? 12_000_000 : 6_000_000);

        assertThat(later.subList(100, 200).stream().filter(w -> w == ONE_THREAD).count()).isGreaterThan(90);
    }

    @Test
    void comparesTimePerTokenSoLongerQueriesDoNotCountAgainstTheirWay() {
        for (int i = 0; i < 40; i++) {
            int way = choice.choose();
            // every core gets the long queries (60 tokens) yet is faster per token
            choice.timed(way, way == EVERY_CORE ? 9_000_000 : 4_000_000, way == EVERY_CORE ? 60 : 20);
        }

        assertThat(choice.choose()).isEqualTo(EVERY_CORE);
    }
}
