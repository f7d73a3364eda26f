package io.olyx.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.common.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsPeriodTest {
    static final Instant NOW = Instant.parse("2026-04-12T09:37:00Z");

    @Test
    void aRollingWindowCoversTheCurrentHourAndTheOnesBefore() {
        StatsPeriod day = StatsPeriod.lastHours(24, NOW);

        assertThat(day.start()).isEqualTo(Instant.parse("2026-04-11T10:00:00Z"));
        assertThat(day.end()).isEqualTo(NOW);
        assertThat(day.hours()).hasSize(24).first().isEqualTo(day.start());
        assertThat(day.covers(Instant.parse("2026-04-12T09:00:00Z"))).isTrue();
        assertThat(day.covers(Instant.parse("2026-04-11T09:00:00Z"))).isFalse();
    }

    @Test
    void labelsReadAsTheDashboardShowsThem() {
        assertThat(StatsPeriod.lastHours(24, NOW).label()).isEqualTo("Last 24 hours");
        assertThat(StatsPeriod.lastHours(168, NOW).label()).isEqualTo("Last 7 days");
        assertThat(StatsPeriod.lastHours(1, NOW).label()).isEqualTo("Last hour");
        assertThat(StatsPeriod.lastHours(36, NOW).label()).isEqualTo("Last 36 hours");
    }

    @Test
    void aRangeEndingOnTheLastDayOfYear9999EndsAtItsLastInstant() {
        StatsPeriod last = StatsPeriod.between(LocalDate.of(9999, 12, 31), LocalDate.of(9999, 12, 31));

        assertThat(last.end().toString()).isEqualTo("9999-12-31T23:59:59.999999999Z");
        assertThat(last.hours()).hasSize(24);
    }

    @Test
    void aDateRangeIncludesItsEndDate() {
        StatsPeriod range = StatsPeriod.between(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 7));

        assertThat(range.start()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-04-08T00:00:00Z"));
        assertThat(range.hours()).hasSize(7 * 24);
    }

    @Test
    void resolvesTheSeedsQueryRules() {
        assertThat(StatsPeriod.resolve(Optional.empty(), Optional.empty(), Optional.empty(), NOW))
                .isEqualTo(StatsPeriod.lastHours(24, NOW));
        assertThat(StatsPeriod.resolve(Optional.empty(), Optional.of(LocalDate.of(2026, 4, 10)), Optional.empty(),
                NOW).end()).isEqualTo(Instant.parse("2026-04-13T00:00:00Z"));
        assertThatThrownBy(() -> StatsPeriod.resolve(Optional.of(24), Optional.of(LocalDate.of(2026, 4, 1)),
                Optional.empty(), NOW)).isInstanceOf(InvalidInput.class).hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> StatsPeriod.resolve(Optional.empty(), Optional.empty(),
                Optional.of(LocalDate.of(2026, 4, 1)), NOW)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> StatsPeriod.lastHours(0, NOW)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> StatsPeriod.between(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 1)))
                .isInstanceOf(InvalidInput.class);
    }
}
