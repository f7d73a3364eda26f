package io.olyx.adapter.http.execution;

import io.olyx.adapter.http.MoneyJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.PolicyDocument;
import io.olyx.application.pipeline.RunCheck;
import io.olyx.application.pipeline.SimulateRouting;
import java.util.LinkedHashMap;
import java.util.Map;

/** Safety checks, routing simulation and policy discovery: the pipeline's decisions without a model call. */
public final class GuardRoutes {
    private final RunCheck runCheck;
    private final SimulateRouting simulate;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public GuardRoutes(RunCheck runCheck, SimulateRouting simulate, Authenticator auth, Idempotency idempotency) {
        this.runCheck = runCheck;
        this.simulate = simulate;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.post("/api/v1/checks", idempotency.wrap(auth::projectScope, this::check));
        app.post("/api/v1/simulate", this::simulate);
        app.get("/api/v1/config", ctx -> ctx.json(PolicyDocument.of(auth.requireKey(ctx).project())));
    }

    private void check(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        String input = body.string("input").orElseThrow(() -> ApiError.invalid("input is required"));
        switch (runCheck.check(caller, ExecutionRoutes.traceId(body.requireString("trace_id")), input)) {
            case RunCheck.Outcome.Checked checked -> {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("pii_detected", checked.report().piiDetected());
                if (checked.report().piiDetected()) {
                    meta.put("pii_entities", checked.report().piiEntities().stream()
                            .map(e -> Map.of("type", e.type(), "start", e.start(), "end", e.end())).toList());
                }
                meta.put("injection_attempt", checked.injectionAttempt());
                meta.put("secret_leaked", checked.report().secretLeaked());
                meta.put("risk_score", Math.round(checked.riskScore() * 1000) / 1000.0);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("allowed", checked.allowed());
                json.put("step_id", checked.step().id().value());
                checked.reason().ifPresent(r -> json.put("reason", r));
                json.put("meta", meta);
                ctx.json(json);
            }
            case RunCheck.Outcome.TraceNotFound notFound -> throw ApiError.notFound("Trace");
            case RunCheck.Outcome.TraceClosed closed -> throw ApiError.conflict("trace_closed",
                    "Steps cannot be added to a " + closed.trace().status().wire() + " trace");
            case RunCheck.Outcome.Refused refused -> throw ApiError.tooManyRequests(
                    refused.refusal().reason().code(), refused.refusal().message(), refused.refusal().retryAfter());
        }
    }

    private void simulate(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        body.longValue("project_id").filter(id -> id != caller.projectId().value()).ifPresent(id -> {
            throw ApiError.notFound("Project");
        });
        Map<String, Object> json = new LinkedHashMap<>();
        switch (simulate.simulate(caller, body.requireString("input"))) {
            case SimulateRouting.Simulation.Resolved resolved -> {
                json.put("status", "resolved");
                json.put("tier", resolved.tier());
                json.put("model", resolved.model());
                json.put("estimated_cost", MoneyJson.amount(resolved.estimatedCost()));
                json.put("fallback_path", resolved.fallbackPath());
            }
            case SimulateRouting.Simulation.Blocked blocked -> {
                json.put("status", "blocked");
                json.put("reason", blocked.reason());
            }
            case SimulateRouting.Simulation.Unconfigured unconfigured -> {
                json.put("status", "unconfigured");
                json.put("tier", unconfigured.tier());
                json.put("reason", unconfigured.reason());
            }
        }
        ctx.json(json);
    }
}
