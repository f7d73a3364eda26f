package io.olyx.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    @Test
    void followsTheSeedTableOneSecondThenTwoThenFive() {
        assertThat(IntStream.rangeClosed(1, 13).mapToObj(PollSchedule::delayAfter).map(d -> d.toSeconds()))
                .containsExactly(1L, 1L, 1L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 5L, 5L, 5L);
    }

    @Test
    void pollsCountFromOne() {
        assertThatThrownBy(() -> PollSchedule.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
