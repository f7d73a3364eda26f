package io.olyx.adapter.http.execution;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.RequestIds;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.execution.Converse;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.trace.TraceId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * POST /api/v1/chat/completions: the OpenAI request and response (and SSE chunk) shapes, plus trace_id, so existing
 * OpenAI client code works by changing its base URL. The model is optional (routing decides) and PII is redacted
 * before any provider sees the messages. Without a trace_id the call gets a trace of its own.
 */
public final class ChatCompletionRoutes {
    private final Converse converse;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public ChatCompletionRoutes(Converse converse, Authenticator auth, Idempotency idempotency) {
        this.converse = converse;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.post("/api/v1/chat/completions", idempotency.wrap(auth::projectScope, this::complete));
    }

    private void complete(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        Optional<TraceId> trace = body.string("trace_id").map(ExecutionRoutes::traceId);
        Converse.Command command = new Converse.Command(trace, ExecutionRoutes.parentStep(body),
                ChatInput.messages(body), ChatInput.tools(body), ChatInput.toolChoice(body), ChatInput.options(body),
                body.string("model").filter(m -> !m.isBlank()), body.object("metadata").orElse(Map.of()),
                "chat.completions");
        if (body.bool("stream").orElse(false)) {
            SseStream sse = new SseStream(ctx, "chatcmpl-" + RequestIds.of(ctx), Instant.now().getEpochSecond(),
                    ChatInput.includeUsage(body));
            Streams.finish(ctx, sse, converse.chat(command, caller, Optional.of(sse)));
            return;
        }
        PipelineResult result = converse.chat(command, caller, Optional.empty());
        if (result instanceof PipelineResult.Answered answered) {
            ctx.json(OpenAiJson.completion(answered));
        } else {
            throw PipelineErrors.of(result);
        }
    }
}
