package io.olyx.adapter.http.gateway;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.RequestIds;
import io.olyx.adapter.http.execution.ChatInput;
import io.olyx.adapter.http.execution.ExecutionRoutes;
import io.olyx.adapter.http.execution.SseStream;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.gateway.ChatCommand;
import io.olyx.application.gateway.ChatOutcome;
import io.olyx.application.gateway.GatewayChat;
import io.olyx.application.gateway.ListV1Models;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.llm.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Seed 003's OpenAI-compatible surface: GET /v1/models and POST /v1/chat/completions, where {@code model} is an AI
 * gateway (id or slug) or a registered model. Streams are OpenAI chunks with an SSE comment {@code : ping} every
 * few seconds unless the request sends {@code Sse-Stream-Options: no-ping}. The end user is the OpenAI {@code user}
 * field (or {@code safety_identifier}).
 */
public final class V1Routes {
    public static final String NO_PING = "no-ping";

    private final GatewayChat chat;
    private final ListV1Models models;
    private final Authenticator auth;
    private final Idempotency idempotency;
    private final ScheduledExecutorService pings;
    private final Duration pingInterval;

    public V1Routes(GatewayChat chat, ListV1Models models, Authenticator auth, Idempotency idempotency,
                    ScheduledExecutorService pings, Duration pingInterval) {
        this.chat = chat;
        this.models = models;
        this.auth = auth;
        this.idempotency = idempotency;
        this.pings = pings;
        this.pingInterval = pingInterval;
    }

    public void register(Javalin app) {
        app.get("/v1/models", this::listModels);
        app.post("/v1/chat/completions", idempotency.wrap(auth::projectScope, this::complete));
    }

    private void listModels(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        String owner = caller.project().name();
        ctx.json(Map.of("object", "list", "data", models.list(caller.projectId()).stream().map(m -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", m.id());
            json.put("object", "model");
            json.put("created", m.created().getEpochSecond());
            json.put("owned_by", owner);
            return json;
        }).toList()));
    }

    private void complete(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        ChatCommand command = new ChatCommand(body.requireString("model"), ChatInput.messages(body),
                ChatInput.tools(body), ChatInput.toolChoice(body), ChatInput.options(body),
                body.object("metadata").orElse(Map.of()), endUser(body),
                body.string("trace_id").map(ExecutionRoutes::traceId));
        if (!body.bool("stream").orElse(false)) {
            ChatOutcome outcome = chat.complete(command, caller, Optional.empty());
            if (!(outcome instanceof ChatOutcome.Completed done)) {
                throw CompletionJson.error(outcome);
            }
            ctx.json(CompletionJson.completion(done));
            return;
        }
        SseStream sse = new SseStream(ctx, "chatcmpl-" + RequestIds.of(ctx), Instant.now().getEpochSecond(),
                ChatInput.includeUsage(body));
        if (!NO_PING.equalsIgnoreCase(String.valueOf(ctx.header("Sse-Stream-Options")).strip())) {
            sse.pingEvery(pings, pingInterval);
        }
        finish(sse, chat.complete(command, caller, Optional.of(sse)));
    }

    /**
     * The end user the request names, {@code user} or else {@code safety_identifier} (blank: none). Memories are
     * stored under it, so one longer than a memory allows is refused now, naming the field, not when the model
     * first asks to remember something.
     */
    private static Optional<String> endUser(JsonBody body) {
        for (String field : List.of("user", "safety_identifier")) {
            Optional<String> user = body.string(field);
            if (user.isPresent()) {
                return user.filter(u -> !u.isBlank()).map(u -> Memory.validUser(u, field));
            }
        }
        return Optional.empty();
    }

    /** The last chunk (with the call's total usage and generation_context), or the error: as JSON before any byte. */
    private static void finish(SseStream sse, ChatOutcome outcome) {
        sse.stopPings();
        if (outcome instanceof ChatOutcome.Completed done) {
            String model = done.answer().model().identifier();
            sse.finalMembers(Map.of("generation_context", CompletionJson.generationContext(done)));
            sse.accept(model, new StreamEvent.Completed(done.answer().result().finishReason(), done.usage(), model));
        } else {
            ApiError error = CompletionJson.error(outcome);
            if (!sse.started()) {
                throw error;
            }
            sse.error(error.getMessage(), error.code());
        }
        sse.done();
    }
}
