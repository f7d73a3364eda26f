package io.olyx.adapter.http.execution;

import io.olyx.adapter.http.MoneyJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.RequestIds;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.execution.Converse;
import io.olyx.application.execution.Execute;
import io.olyx.application.execution.ToolResult;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.TraceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Seed 001's Olyx-shaped model endpoints: executions (plain and streamed), runs and assistants. */
public final class ExecutionRoutes {
    private final Execute execute;
    private final Converse converse;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public ExecutionRoutes(Execute execute, Converse converse, Authenticator auth, Idempotency idempotency) {
        this.execute = execute;
        this.converse = converse;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.post("/api/v1/executions", idempotency.wrap(auth::projectScope, ctx -> run(ctx, false)));
        app.post("/api/v1/runs", idempotency.wrap(auth::projectScope, ctx -> run(ctx, true)));
        app.get("/api/v1/executions/stream", ctx -> stream(ctx, StreamRequest::fromQuery));
        // no Idempotency-Key: a stream is delivered as it is generated and cannot be replayed from a stored answer
        app.post("/api/v1/executions/stream", ctx -> stream(ctx, StreamRequest::fromBody));
        app.head("/api/v1/executions/stream", ctx -> {
            ctx.header("Allow", "GET");
            throw ApiError.of(405, "method_not_allowed", "HEAD is not served here: a GET of this endpoint is a model"
                    + " call, which a HEAD must not make");
        });
        app.post("/api/v1/assistants", idempotency.wrap(auth::projectScope, this::assistant));
    }

    private void run(Context ctx, boolean explicitModel) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        Optional<String> model = explicitModel ? Optional.of(body.requireString("model")) : Optional.empty();
        Execute.Command command = new Execute.Command(traceId(body.requireString("trace_id")),
                body.requireString("input"), ChatInput.tools(body), toolResults(body), parentStep(body), model,
                ChatInput.options(body), explicitModel ? "runs" : "executions");
        switch (execute.execute(command, caller, Optional.empty())) {
            case Execute.Outcome.InvalidToolResults invalid -> throw ApiError.of(422, "invalid_tool_results",
                    invalid.message());
            case Execute.Outcome.ToolCallAlreadyAnswered answered -> throw ApiError.of(409,
                    "tool_call_already_answered", answered.message());
            case Execute.Outcome.Ran ran -> ctx.json(olyxAnswer(ran.result(), Map.of()));
        }
    }

    /** The key is checked before the request is read, so an anonymous caller learns nothing about its shape. */
    private void stream(Context ctx, Function<Context, StreamRequest> read) {
        KeyCaller caller = auth.requireKey(ctx);
        StreamRequest request = read.apply(ctx);
        Execute.Command command = new Execute.Command(traceId(request.traceId()), request.input(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), ChatOptions.DEFAULTS, "executions.stream");
        SseStream sse = new SseStream(ctx, "chatcmpl-" + RequestIds.of(ctx), Instant.now().getEpochSecond(),
                request.includeUsage());
        Execute.Outcome outcome = execute.execute(command, caller, Optional.of(sse));
        Streams.finish(ctx, sse, ((Execute.Outcome.Ran) outcome).result());
    }

    private void assistant(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        Converse.Command command = new Converse.Command(Optional.of(traceId(body.requireString("trace_id"))),
                parentStep(body), ChatInput.messages(body), ChatInput.tools(body), ChatInput.toolChoice(body),
                ChatInput.options(body), body.string("model"), Map.of(), Converse.ASSISTANTS);
        Converse.Turn turn = converse.assistantTurn(command, caller);
        ctx.json(olyxAnswer(turn.result(), Map.of("thread_turn", turn.threadTurn())));
    }

    /** Seed 001's answer shapes: text, tool_calls_pending, or blocked (a normal outcome, so 200). */
    static Map<String, Object> olyxAnswer(PipelineResult result, Map<String, Object> extra) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (result) {
            case PipelineResult.Answered answered -> {
                if (answered.result().hasToolCalls()) {
                    json.put("status", "tool_calls_pending");
                    json.put("tool_calls", answered.result().toolCalls().stream().map(c -> Map.of("id", c.id(),
                            "name", c.name(), "arguments", c.argumentsValid() ? c.arguments() : c.argumentsJson()))
                            .toList());
                } else {
                    json.put("output", answered.result().text());
                }
                json.put("model", answered.model().identifier());
                json.put("provider", answered.model().provider().wire());
                answered.tier().ifPresent(t -> json.put("tier", t));
                json.put("step_id", answered.step().id().value());
                json.put("trace_id", answered.trace().id().toString());
                json.put("usage", OpenAiJson.usage(answered.result().usage()));
                json.put("cost", MoneyJson.amount(answered.step().cost()));
            }
            case PipelineResult.Blocked blocked -> {
                json.put("status", "blocked");
                json.put("reason", blocked.reason());
                json.put("step_id", blocked.step().id().value());
            }
            default -> throw PipelineErrors.of(result);
        }
        json.putAll(extra);
        return json;
    }

    public static TraceId traceId(String text) {
        return TraceId.parse(text).orElseThrow(() -> ApiError.notFound("Trace"));
    }

    static Optional<StepId> parentStep(JsonBody body) {
        return body.longValue("parent_step_id").map(id -> {
            if (id <= 0) {
                throw ApiError.invalid("parent_step_id must be a step id");
            }
            return new StepId(id);
        });
    }

    /** Both members are required: a result without content would show the model an empty answer it never got. */
    private static List<ToolResult> toolResults(JsonBody body) {
        List<ToolResult> results = new ArrayList<>();
        List<Object> raw = body.array("tool_results").orElse(List.of());
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof Map<?, ?> map) || !(map.get("tool_call_id") instanceof String id)) {
                throw ApiError.of(422, "invalid_tool_results", "tool_results[" + i + "] needs a tool_call_id");
            }
            Object content = map.get("content");
            if (content == null) {
                throw ApiError.of(422, "invalid_tool_results", "tool_results[" + i + "] needs a content");
            }
            results.add(new ToolResult(id, content instanceof String s ? s : JsonBody.toJson(content)));
        }
        return results;
    }
}
