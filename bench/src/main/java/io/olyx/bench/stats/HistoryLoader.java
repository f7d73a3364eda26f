package io.olyx.bench.stats;

import io.olyx.adapter.persistence.Database;
import io.olyx.domain.project.Project;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a realistic history through the production paths (trace repository, group-commit step writer): traces of
 * {@value #STEPS_PER_TRACE} steps (mostly model calls on three models, some tool calls, agent steps and loop halts,
 * payloads of a few hundred bytes) spaced evenly over the period, each completed with a summary.
 */
final class HistoryLoader {
    static final int STEPS_PER_TRACE = 10;
    private static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "claude-haiku");
    private static final String PROMPT = "Summarize the following support conversation for the account team. ".repeat(4);
    /** Chunks are written concurrently, as under real traffic, so the group-commit writer fills its batches. */
    private static final int TRACES_PER_CHUNK = 20;
    private static final int WRITERS = 128;

    private final Database db;
    private final long seed;

    HistoryLoader(Database db, long seed) {
        this.db = db;
        this.seed = seed;
    }

    void load(Project project, int steps, Instant from, Instant to) throws InterruptedException {
        int traces = steps / STEPS_PER_TRACE;
        Duration spacing = Duration.between(from, to).dividedBy(Math.max(traces, 1));
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int first = 0; first < traces; first += TRACES_PER_CHUNK) {
                int chunk = first;
                done.add(writers.submit(() -> writeChunk(project, chunk, Math.min(chunk + TRACES_PER_CHUNK, traces),
                        from, spacing, new SplittableRandom(seed + chunk))));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    /** Traces are opened and completed a chunk per transaction; their steps go through the group-commit writer. */
    private void writeChunk(Project project, int first, int end, Instant from, Duration spacing,
                            SplittableRandom random) {
        List<Trace> traces = new ArrayList<>();
        for (int t = first; t < end; t++) {
            traces.add(new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.PENDING,
                    Map.of("task", "summarization"), Optional.of(new BigDecimal("0.05")), Optional.empty(), "api",
                    Optional.empty(), from.plus(spacing.multipliedBy(t)), Optional.empty(), Optional.empty()));
        }
        db.unitOfWork().run(() -> traces.forEach(db.traces()::insert));
        List<Trace> ended = new ArrayList<>();
        for (Trace trace : traces) {
            BigDecimal cost = BigDecimal.ZERO;
            for (int i = 0; i < STEPS_PER_TRACE; i++) {
                Step step = step(project, trace, trace.createdAt().plusMillis(i * 1_500L), random);
                cost = cost.add(step.cost());
                db.stepRecorder().record(step);
            }
            ended.add(trace.ended(TraceStatus.COMPLETED, trace.createdAt().plusSeconds(20),
                    summary(trace, cost, random)));
        }
        db.unitOfWork().run(() -> ended.forEach(t -> db.traces().updateIfStatus(t, TraceStatus.PENDING)));
    }

    private Step step(Project project, Trace trace, Instant at, SplittableRandom random) {
        int kind = random.nextInt(20);
        StepType type = kind < 2 ? StepType.TOOL_CALL : StepType.RUN;
        String model = MODELS.get(random.nextInt(MODELS.size()));
        Optional<Step.ModelCall> call = type == StepType.RUN ? Optional.of(new Step.ModelCall(model, "openai",
                kind == 2 ? "private" : "public_cloud", Optional.of("simple"), new StepUsage(200 + random.nextInt(
                1_500), 20 + random.nextInt(400), 0, false, BigDecimal.valueOf(random.nextInt(20_000), 7)),
                List.of())) : Optional.empty();
        Map<String, Object> details = kind == 3 ? Map.of("loop_intervention", true)
                : kind < 6 ? Map.of("tools", List.of(Map.of("name", "lookup_account"))) : Map.of();
        return new Step(db.ids().nextStepId(), trace.id(), project.id(), type, Optional.<StepId>empty(),
                Optional.empty(), call, PROMPT, "The customer asked about invoice 1042; resolved.",
                50 + random.nextDouble() * (kind == 19 ? 9_000 : 1_500), StepOutcome.OK,
                new StepSecurity(kind == 4, kind == 5, false, 0), details, at);
    }

    private static TraceSummary summary(Trace trace, BigDecimal cost, SplittableRandom random) {
        return new TraceSummary(2_000 + random.nextDouble() * 10_000, cost, trace.revenue(),
                trace.revenue().map(r -> r.subtract(cost)), Optional.of(600.0), Optional.of(1_400.0),
                Optional.of(1_900.0),
                new TraceSummary.Grades(Grade.values()[random.nextInt(5)], Grade.A, Grade.B), STEPS_PER_TRACE,
                random.nextInt(7), Optional.empty(), random.nextInt(100) / 100.0, Map.of("gpt-4o", cost),
                Map.of("public_cloud", cost), new TraceSummary.Security(random.nextInt(30) == 0, false, false,
                Optional.of(0.9), Optional.empty()), Optional.empty());
    }
}
