package io.olyx.bench.stats;

import io.olyx.adapter.persistence.Database;
import io.olyx.adapter.persistence.DatabaseSettings;
import io.olyx.application.stats.SealRollups;
import io.olyx.application.stats.StatsQuery;
import io.olyx.bench.ScratchDir;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How fast GET /api/v1/stats answers on a large history, on the default embedded H2 (a database file): loads
 * {@code steps} steps spread evenly over {@code days} days (one completed trace per ten steps) through the
 * production writers, then times a 24-hour report rolled up live from steps, the one-off sealing of every hour, and
 * 24-hour, 7-day and 30-day reports served from the sealed hourly rollups (the open hour still read live).
 *
 * <pre>
 * StatsBench [steps (1000000)] [days (30)] [data dir (a temp dir, deleted after)]
 * </pre>
 * Given a data directory that already holds the bench's history, loading and the live run are skipped and only the
 * sealed reports are timed again (the clock is set back to the end of that history).
 */
public final class StatsBench {
    private static final String PROJECT = "Stats bench";
    private static final int RUNS = 30;

    private final PrintStream out;
    private final Database db;

    private StatsBench(PrintStream out, Database db) {
        this.out = out;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = args.length > 2 ? Path.of(args[2]) : ScratchDir.create("olyx-stats-bench");
        try (Database db = Database.open(DatabaseSettings.embedded(dir, 8))) {
            new StatsBench(System.out, db).run(steps, days, dir);
        }
    }

    private void run(int steps, int days, Path dir) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "%d CPUs, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Optional<Project> loaded = db.projects().list().stream().filter(p -> p.name().equals(PROJECT)).findFirst();
        Instant now = loaded.map(p -> p.createdAt().plus(Duration.ofDays(days + 1L)))
                .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        StatsQuery stats = new StatsQuery(db.projects(), db.statsRollups(), db.statsSource(), clock);
        Project project = loaded.orElseGet(() -> db.projects().insert(PROJECT, "", ProjectSettings.empty(),
                now.minus(Duration.ofDays(days + 1L))));
        if (loaded.isEmpty()) {
            load(project, steps, days, dir, now);
            time("24 h, live from steps (no rollups)", () -> stats.report(project, window(24)), 5);
        }
        long sealStart = System.nanoTime();
        long hours = new SealRollups(db.projects(), db.statsRollups(), db.statsSource(), clock).seal(project);
        out.printf(Locale.ROOT, "sealed %,d hours in %.1f s%n", hours, seconds(sealStart));
        time("24 h, sealed rollups + open hour", () -> stats.report(project, window(24)), RUNS);
        time("7 days, sealed rollups + open hour", () -> stats.report(project, window(168)), RUNS);
        time("30 days, sealed rollups + open hour", () -> stats.report(project, window(720)), 10);
    }

    private void load(Project project, int steps, int days, Path dir, Instant now) throws IOException,
            InterruptedException {
        long loadStart = System.nanoTime();
        new HistoryLoader(db, 20260412L).load(project, steps, now.minus(Duration.ofDays(days)), now);
        out.printf(Locale.ROOT, "loaded %,d steps and %,d traces over %d days in %.1f s (%,.0f steps/h), "
                        + "database %,d MB%n", steps, steps / HistoryLoader.STEPS_PER_TRACE, days, seconds(loadStart),
                steps / (days * 24.0), size(dir) >> 20);
    }

    private void time(String label, Runnable report, int runs) {
        long coldStart = System.nanoTime();
        report.run();
        double cold = millis(coldStart);
        double[] warm = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            report.run();
            warm[i] = millis(start);
        }
        Arrays.sort(warm);
        out.printf(Locale.ROOT, "%-40s first %7.1f ms   median %7.1f ms   p95 %7.1f ms   max %7.1f ms%n", label,
                cold, warm[runs / 2], warm[(int) Math.ceil(runs * 0.95) - 1], warm[runs - 1]);
    }

    private static StatsQuery.Query window(int hours) {
        return new StatsQuery.Query(Optional.of(hours), Optional.empty(), Optional.empty());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
