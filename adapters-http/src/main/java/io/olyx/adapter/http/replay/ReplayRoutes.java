package io.olyx.adapter.http.replay;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.replay.QueueReplay;
import io.olyx.application.replay.ReplayQueries;
import io.olyx.domain.replay.ReplayOverrides;
import io.olyx.domain.trace.TraceId;

/**
 * Seed 001 "Replay" and seed 002 "Replay Lifecycle": API-key credentials, project-scoped. POST answers 202 with a
 * queued job, or 200 with the cached comparison when the same trace and overrides completed within the hour;
 * Idempotency-Key makes a retried POST return the first answer.
 */
public final class ReplayRoutes {
    private final QueueReplay queueReplay;
    private final ReplayQueries queries;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public ReplayRoutes(QueueReplay queueReplay, ReplayQueries queries, Authenticator auth, Idempotency idempotency) {
        this.queueReplay = queueReplay;
        this.queries = queries;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.post("/api/v1/replay", idempotency.wrap(auth::projectScope, this::queue));
        app.get("/api/v1/replay/{job_id}", this::get);
    }

    private void queue(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        TraceId source = TraceId.parse(body.requireString("trace_id"))
                .orElseThrow(() -> ApiError.notFound("Source trace"));
        ReplayOverrides overrides = ReplayOverrides.fromRequest(body.raw());
        switch (queueReplay.queue(caller, source, overrides)) {
            case QueueReplay.Result.Queued queued -> ctx.status(202).json(ReplayJson.of(queued.replay()));
            case QueueReplay.Result.Cached cached -> ctx.json(ReplayJson.cached(cached.replay()));
            case QueueReplay.Result.TraceNotFound missing -> throw ApiError.notFound("Source trace");
            case QueueReplay.Result.SourcePending pending -> throw ApiError.conflict("trace_pending",
                    "A pending trace cannot be replayed yet: complete, fail or cancel it first");
            case QueueReplay.Result.UnknownModels unknown -> throw ApiError.of(422, "unknown_model",
                    "Not registered in this project: " + String.join(", ", unknown.models()))
                    .with("models", unknown.models());
        }
    }

    private void get(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        ctx.json(ReplayJson.of(queries.find(caller, ctx.pathParam("job_id"))
                .orElseThrow(() -> ApiError.notFound("Replay job"))));
    }
}
