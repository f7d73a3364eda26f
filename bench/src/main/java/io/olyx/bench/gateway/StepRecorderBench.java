package io.olyx.bench.gateway;

import io.olyx.adapter.persistence.Database;
import io.olyx.adapter.persistence.DatabaseSettings;
import io.olyx.bench.ScratchDir;
import io.olyx.bench.gateway.LoadClient.Stats;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.trace.ProviderAttempt;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a request waits for its step to be durable: steps of a typical size recorded from virtual threads (as
 * Olyx's request threads are) at a fixed arrival rate into the embedded H2 database Olyx starts with, in a temp
 * dir. Prints p50/p99 of {@code StepRecorder.record} per round; compare builds by running it on each.
 *
 * <p>Run: {@code java -cp bench/target/olyx-bench.jar io.olyx.bench.gateway.StepRecorderBench [seconds] [rates...]}
 * (default 10 s at 500 and 2000 steps/s, after 10 s at 500).
 */
public final class StepRecorderBench {
    private StepRecorderBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] rates = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {500, 2000};
        try (Database db = Database.open(DatabaseSettings.embedded(ScratchDir.create("olyx-steps"), 10))) {
            Instant now = Instant.now();
            Project project = db.projects().insert("bench", "", ProjectSettings.empty(), now);
            Trace trace = new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.PENDING,
                    Map.of(), Optional.empty(), Optional.empty(), "api", Optional.empty(), now, Optional.empty(),
                    Optional.empty());
            db.traces().insert(trace);
            record(db, project, trace, 500, 10);
            System.out.printf("%-8s %-18s %9s %9s %9s %9s%n", "rate", "", "p50 ms", "p99 ms", "errors", "achieved");
            for (int rate : rates) {
                record(db, project, trace, rate, seconds).print(rate, "record");
            }
        }
    }

    /** Steps are built first, so only {@code record} is timed. */
    private static Stats record(Database db, Project project, Trace trace, int rate, int seconds) {
        Step[] steps = new Step[rate * seconds];
        Arrays.setAll(steps, n -> step(db, project, trace, n));
        AtomicInteger next = new AtomicInteger();
        return LoadClient.drive(rate, seconds, LoadClient.onVirtualThread(() -> {
            db.stepRecorder().record(steps[next.getAndIncrement()]);
            return 200;
        }))[0];
    }

    private static Step step(Database db, Project project, Trace trace, int n) {
        return new Step(db.ids().nextStepId(), trace.id(), project.id(), StepType.RUN, Optional.empty(),
                Optional.of("ak_0000000000000001"),
                Optional.of(new Step.ModelCall("gpt-4o-mini", "openai", "public_cloud", Optional.of("simple"),
                        new StepUsage(12, 5, 0, false, new BigDecimal("0.0000048")),
                        List.of(new ProviderAttempt("gpt-4o-mini", "openai", true, Optional.of(200), Optional.empty(),
                                0.4)))),
                "Translate to French: Hello, world. (" + n + ")", "Bonjour le monde.", 0.9, StepOutcome.OK,
                new StepSecurity(false, false, false, 0.0), Map.of(), Instant.now());
    }
}
