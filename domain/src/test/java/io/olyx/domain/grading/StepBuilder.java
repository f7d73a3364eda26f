package io.olyx.domain.grading;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.ProviderAttempt;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds steps of one test trace with readable defaults: a step starts {@code atMs} after the trace's creation. */
public final class StepBuilder {
    public static final TraceId TRACE = new TraceId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    public static final ProjectId PROJECT = new ProjectId(12);
    public static final Instant T0 = Instant.parse("2026-04-12T09:00:00Z");

    private final long id;
    private final StepType type;
    private TraceId traceId = TRACE;
    private Optional<StepId> parent = Optional.empty();
    private String model;
    private String provider = "openai";
    private String infrastructure = "public_cloud";
    private Optional<String> tier = Optional.empty();
    private long promptTokens;
    private long completionTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private final List<ProviderAttempt> attempts = new ArrayList<>();
    private Object input = "";
    private Object output = "";
    private double latencyMs;
    private double atMs;
    private StepOutcome outcome = StepOutcome.OK;
    private StepSecurity security = StepSecurity.clean();
    private final Map<String, Object> details = new LinkedHashMap<>();

    private StepBuilder(long id, StepType type) {
        this.id = id;
        this.type = type;
    }

    public static Trace trace() {
        return trace(Optional.empty());
    }

    public static Trace trace(Optional<BigDecimal> revenue) {
        return new Trace(TRACE, PROJECT, TraceStatus.PENDING, Map.of(), revenue, Optional.empty(), "api",
                Optional.empty(), T0, Optional.empty(), Optional.empty());
    }

    public static StepBuilder run(long id, String model) {
        StepBuilder b = new StepBuilder(id, StepType.RUN);
        b.model = model;
        return b;
    }

    public static StepBuilder check(long id) {
        return new StepBuilder(id, StepType.CHECK);
    }

    public static StepBuilder toolCall(long id, long parentRun, String callId, String name) {
        StepBuilder b = new StepBuilder(id, StepType.TOOL_CALL).parent(parentRun);
        b.details.put("tool_call_id", callId);
        b.details.put("name", name);
        return b;
    }

    public static StepBuilder log(long id, Object output) {
        StepBuilder b = new StepBuilder(id, StepType.LOG);
        b.output = output;
        return b;
    }

    public StepBuilder parent(long parentId) {
        parent = Optional.of(new StepId(parentId));
        return this;
    }

    public StepBuilder tier(String value) {
        tier = Optional.of(value);
        return this;
    }

    public StepBuilder infrastructure(String value) {
        infrastructure = value;
        return this;
    }

    public StepBuilder tokens(long prompt, long completion) {
        promptTokens = prompt;
        completionTokens = completion;
        return this;
    }

    public StepBuilder cost(String value) {
        cost = new BigDecimal(value);
        return this;
    }

    public StepBuilder cost(BigDecimal value) {
        cost = value;
        return this;
    }

    public StepBuilder latency(double ms) {
        latencyMs = ms;
        return this;
    }

    public StepBuilder at(double msAfterTraceCreation) {
        atMs = msAfterTraceCreation;
        return this;
    }

    public StepBuilder outcome(StepOutcome value) {
        outcome = value;
        return this;
    }

    public StepBuilder security(StepSecurity value) {
        security = value;
        return this;
    }

    public StepBuilder input(Object value) {
        input = value;
        return this;
    }

    public StepBuilder detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    public StepBuilder failedAttemptFirst(String failedModel) {
        attempts.add(new ProviderAttempt(failedModel, provider, false, Optional.of(503), Optional.of("down"), 10));
        return this;
    }

    public StepBuilder traceId(TraceId value) {
        traceId = value;
        return this;
    }

    /** Declares tools, each a {name, parameters} map (see {@link #tool}). */
    public StepBuilder tools(Object... tools) {
        details.put("tools", List.of(tools));
        return this;
    }

    /** Adds one requested tool call {id, name, arguments}. */
    @SuppressWarnings("unchecked")
    public StepBuilder calls(String callId, String name, Map<String, Object> arguments) {
        List<Object> calls = new ArrayList<>((List<Object>) details.getOrDefault("tool_calls", List.of()));
        calls.add(Map.of("id", callId, "name", name, "arguments", arguments));
        details.put("tool_calls", calls);
        return this;
    }

    public static Map<String, Object> tool(String name, Map<String, Object> parameters) {
        return Map.of("name", name, "description", name, "parameters", parameters);
    }

    public Step build() {
        Optional<Step.ModelCall> call = model == null ? Optional.empty()
                : Optional.of(new Step.ModelCall(model, provider, infrastructure, tier,
                        new StepUsage(promptTokens, completionTokens, 0, false, cost), attempts));
        long micros = Math.round(atMs * 1000);
        return new Step(new StepId(id), traceId, PROJECT, type, parent, Optional.empty(), call, input, output,
                latencyMs, outcome, security, details, T0.plusNanos(micros * 1000));
    }
}
