package io.olyx.domain.stats;

import io.olyx.domain.common.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The time span a stats request covers. Stats are kept per hour, so a period covers whole hour buckets: a rolling
 * window of N hours is the current (partial) hour plus the N − 1 hours before it; a date range runs from the start
 * date's midnight UTC to the end of the end date (inclusive).
 */
public record StatsPeriod(String label, Instant start, Instant end) {
    public static final int DEFAULT_WINDOW_HOURS = 24;
    public static final int MAX_WINDOW_HOURS = 24 * 366;
    public static final int MAX_RANGE_DAYS = 366;
    /**
     * The latest end a period has: the last instant of 9999-12-31, so a range ending that day ends at
     * {@code 9999-12-31T23:59:59.999999999Z} rather than at a midnight in the year 10000, which ISO-8601 and both
     * databases only write with a sign ({@code +10000-01-01T00:00:00Z}).
     */
    public static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public StatsPeriod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a period must start before it ends");
        }
    }

    /** The seed's query rules: {@code window} and {@code start_date}/{@code end_date} are mutually exclusive. */
    public static StatsPeriod resolve(Optional<Integer> window, Optional<LocalDate> startDate,
                                      Optional<LocalDate> endDate, Instant now) {
        boolean dates = startDate.isPresent() || endDate.isPresent();
        InvalidInput.require(!(window.isPresent() && dates), "window",
                "window and start_date/end_date are mutually exclusive");
        if (!dates) {
            return lastHours(window.orElse(DEFAULT_WINDOW_HOURS), now);
        }
        InvalidInput.require(startDate.isPresent(), "start_date", "start_date is required with end_date");
        return between(startDate.get(), endDate.orElse(LocalDate.ofInstant(now, ZoneOffset.UTC)));
    }

    public static StatsPeriod lastHours(int hours, Instant now) {
        InvalidInput.require(hours >= 1 && hours <= MAX_WINDOW_HOURS, "window",
                "window must be between 1 and " + MAX_WINDOW_HOURS + " hours");
        Instant start = hourOf(now).minus(Duration.ofHours(hours - 1L));
        return new StatsPeriod(windowLabel(hours), start, now.isAfter(start) ? now : start.plusNanos(1));
    }

    public static StatsPeriod between(LocalDate startDate, LocalDate endDate) {
        InvalidInput.require(!endDate.isBefore(startDate), "end_date", "end_date must not be before start_date");
        InvalidInput.require(ChronoUnit.DAYS.between(startDate, endDate) < MAX_RANGE_DAYS, "end_date",
                "a date range may span at most " + MAX_RANGE_DAYS + " days");
        Instant end = endDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new StatsPeriod(startDate + " to " + endDate, startDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.isAfter(LAST_INSTANT) ? LAST_INSTANT : end);
    }

    public static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    /** The start of every hour bucket the period covers, oldest first. */
    public List<Instant> hours() {
        List<Instant> hours = new ArrayList<>();
        for (Instant hour = hourOf(start); hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
            hours.add(hour);
        }
        return hours;
    }

    public boolean covers(Instant hour) {
        return !hour.isBefore(hourOf(start)) && hour.isBefore(end);
    }

    /** Where the period splits into its earlier and recent halves (for drift). */
    public Instant midpoint() {
        return start.plus(Duration.between(start, end).dividedBy(2));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    private static String windowLabel(int hours) {
        if (hours == 1) {
            return "Last hour";
        }
        return hours % 24 == 0 && hours > 24 ? "Last " + hours / 24 + " days" : "Last " + hours + " hours";
    }
}
