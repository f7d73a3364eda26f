package io.olyx.bootstrap;

import io.olyx.adapter.persistence.Database;
import io.olyx.domain.project.Project;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Writes traces and steps straight into a database, at chosen times, for tests that need history. */
final class ObservabilityData {
    private static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "claude-haiku");

    private final Database db;
    private final Random random;

    ObservabilityData(Database db, long seed) {
        this.db = db;
        this.random = new Random(seed);
    }

    Trace trace(Project project, Instant createdAt) {
        Trace trace = new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.PENDING,
                Map.of("task", "summarization"), Optional.of(new BigDecimal("0.25")), Optional.empty(), "api",
                Optional.empty(), createdAt, Optional.empty(), Optional.empty());
        db.traces().insert(trace);
        return trace;
    }

    /** A run step on {@code model} (a random one when null), or now and then a tool call or a loop halt. */
    Step step(Project project, Trace trace, Instant at, String model) {
        int kind = random.nextInt(10);
        StepType type = kind == 0 ? StepType.TOOL_CALL : StepType.RUN;
        String chosen = model != null ? model : MODELS.get(random.nextInt(MODELS.size()));
        Optional<Step.ModelCall> call = type == StepType.RUN ? Optional.of(new Step.ModelCall(chosen, "openai",
                random.nextBoolean() ? "public_cloud" : "private", Optional.of("simple"),
                new StepUsage(random.nextInt(2_000), random.nextInt(500), 0, false,
                        BigDecimal.valueOf(random.nextInt(100_000), 8)), List.of())) : Optional.empty();
        Map<String, Object> details = kind == 1 ? Map.of("loop_intervention", true)
                : kind == 2 ? Map.of("tools", List.of(Map.of("name", "lookup"))) : Map.of();
        Step step = new Step(db.ids().nextStepId(), trace.id(), project.id(), type, Optional.empty(),
                Optional.empty(), call, "prompt at " + at, "answer at " + at, random.nextDouble() * 3_000,
                StepOutcome.OK, new StepSecurity(random.nextInt(7) == 0, random.nextInt(11) == 0, false, 0), details,
                at);
        db.stepRecorder().record(step);
        return step;
    }

    void complete(Trace trace, Instant at) {
        BigDecimal cost = BigDecimal.valueOf(random.nextInt(50_000), 7);
        TraceSummary summary = new TraceSummary(random.nextDouble() * 9_000, cost, trace.revenue(),
                trace.revenue().map(r -> r.subtract(cost)), Optional.of(100.0), Optional.of(200.0),
                Optional.of(300.0),
                new TraceSummary.Grades(Grade.values()[random.nextInt(5)], Grade.A, Grade.B), 3,
                random.nextInt(8), Optional.empty(), random.nextInt(101) / 100.0, Map.of("gpt-4o", cost),
                Map.of("public_cloud", cost), new TraceSummary.Security(random.nextBoolean(), false,
                random.nextInt(5) == 0, Optional.of(random.nextDouble()), Optional.empty()), Optional.empty());
        db.traces().updateIfStatus(trace.ended(TraceStatus.COMPLETED, at, summary), TraceStatus.PENDING);
    }
}
