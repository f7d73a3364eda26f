package io.olyx.adapter.http.trace;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.trace.AppendLogStep;
import io.olyx.application.trace.CompleteTrace;
import io.olyx.application.trace.CreateTrace;
import io.olyx.application.trace.TraceQueries;
import io.olyx.domain.common.Page;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Seed 001 "Traces" and "Log step", seed 002 "Trace Lifecycle": API-key credentials, project-scoped. */
public final class TraceRoutes {
    private final CreateTrace createTrace;
    private final CompleteTrace completeTrace;
    private final TraceQueries queries;
    private final AppendLogStep appendLog;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public TraceRoutes(CreateTrace createTrace, CompleteTrace completeTrace, TraceQueries queries,
                       AppendLogStep appendLog, Authenticator auth, Idempotency idempotency) {
        this.createTrace = createTrace;
        this.completeTrace = completeTrace;
        this.queries = queries;
        this.appendLog = appendLog;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.post("/api/v1/traces", idempotency.wrap(auth::projectScope, this::create));
        app.get("/api/v1/traces", this::list);
        app.get("/api/v1/traces/{trace_id}", this::get);
        app.patch("/api/v1/traces/{trace_id}/complete",
                idempotency.wrap(auth::projectScope, ctx -> end(ctx, Optional.empty())));
        app.patch("/api/v1/traces/{trace_id}/fail",
                idempotency.wrap(auth::projectScope, ctx -> end(ctx, Optional.of(TraceStatus.FAILED))));
        app.patch("/api/v1/traces/{trace_id}/cancel",
                idempotency.wrap(auth::projectScope, ctx -> end(ctx, Optional.of(TraceStatus.CANCELED))));
        app.post("/api/v1/logs", idempotency.wrap(auth::projectScope, this::log));
    }

    private void create(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        if (body.has("metadata") && !(body.raw().get("metadata") instanceof Map)) {
            throw ApiError.invalid("metadata must be a JSON object");
        }
        var command = new CreateTrace.Command(body.object("metadata").orElse(Map.of()), body.decimal("revenue"),
                body.string("local_ref"), body.string("distribution_channel"));
        switch (createTrace.create(command, caller)) {
            case CreateTrace.Result.Created created ->
                    ctx.status(201).json(TraceJson.created(created.trace(), created.policy()));
            case CreateTrace.Result.LocalRefRequired required -> throw ApiError.of(422, "local_ref_required",
                    "This project's policy requires a local_ref on every trace");
        }
    }

    private void list(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        Optional<TraceStatus> status = PathParams.query(ctx, "status").map(s -> TraceStatus.parse(s)
                .orElseThrow(() -> ApiError.invalid("status must be pending, completed, failed, canceled or replay")));
        Page<Trace> page = queries.list(caller, status, PathParams.page(ctx));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", page.items().stream().map(TraceJson::envelope).toList());
        json.put("page", page.request().page());
        json.put("per_page", page.request().perPage());
        json.put("total", page.total());
        ctx.header("X-Total-Count", Long.toString(page.total()));
        ctx.json(json);
    }

    private void get(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        var view = queries.get(caller, traceId(ctx)).orElseThrow(() -> ApiError.notFound("Trace"));
        ctx.json(TraceJson.detailed(view.trace(), view.summary(), view.steps()));
    }

    private void end(Context ctx, Optional<TraceStatus> fixedTarget) {
        KeyCaller caller = auth.requireKey(ctx);
        TraceId id = traceId(ctx);
        TraceStatus target = fixedTarget.orElseGet(() -> JsonBody.of(ctx).string("status")
                .map(s -> TraceStatus.parse(s).filter(t -> t != TraceStatus.PENDING && t != TraceStatus.REPLAY)
                        .orElseThrow(() -> ApiError.invalid("status must be completed, failed or canceled")))
                .orElse(TraceStatus.COMPLETED));
        switch (completeTrace.end(id, target, caller)) {
            case CompleteTrace.Result.Ended ended ->
                    ctx.json(TraceJson.completed(ended.trace(), ended.trace().summary().orElseThrow()));
            case CompleteTrace.Result.NotFound notFound -> throw ApiError.notFound("Trace");
            case CompleteTrace.Result.InvalidTransition invalid -> throw ApiError.conflict("invalid_transition",
                    "A " + invalid.from().wire() + " trace cannot become " + invalid.to().wire());
        }
    }

    private void log(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        TraceId traceId = TraceId.parse(body.requireString("trace_id"))
                .orElseThrow(() -> ApiError.notFound("Trace"));
        if (!(body.raw().get("output") instanceof Map<?, ?>)) {
            throw ApiError.invalid("output is required and must be a JSON object");
        }
        Optional<StepId> parent = body.longValue("parent_step_id").map(id -> {
            if (id <= 0) {
                throw ApiError.invalid("parent_step_id must be a step id");
            }
            return new StepId(id);
        });
        switch (appendLog.append(traceId, body.object("output").orElseThrow(), parent, caller)) {
            case AppendLogStep.Result.Logged logged -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("step_id", logged.step().id().value());
                json.put("trace_id", traceId.toString());
                json.put("type", "log");
                json.put("parent_step_id", parent.map(StepId::value).orElse(null));
                json.put("created_at", logged.step().createdAt().toString());
                ctx.status(201).json(json);
            }
            case AppendLogStep.Result.TraceNotFound notFound -> throw ApiError.notFound("Trace");
            case AppendLogStep.Result.TraceClosed closed -> throw ApiError.conflict("trace_closed",
                    "Steps cannot be added to a " + closed.status().wire() + " trace");
            case AppendLogStep.Result.ParentNotFound noParent -> throw ApiError.of(422, "invalid_parent_step",
                    "parent_step_id is not a step of this trace");
        }
    }

    private static TraceId traceId(Context ctx) {
        return PathParams.id(ctx, "trace_id", TraceId::parse, "Trace");
    }
}
