package io.olyx.adapter.http.execution;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.OneShotCalls;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.llm.Embedding;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.trace.TraceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Seed 001's embeddings and image generations: guarded, priced and recorded like every model call. */
public final class OneShotRoutes {
    static final int MAX_EMBEDDING_INPUTS = 2048;
    private static final Pattern SIZE = Pattern.compile("\\d{2,4}x\\d{2,4}");

    private final OneShotCalls calls;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public OneShotRoutes(OneShotCalls calls, Authenticator auth, Idempotency idempotency) {
        this.calls = calls;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.post("/api/v1/embeddings", idempotency.wrap(auth::projectScope, this::embed));
        app.post("/api/v1/images/generations", idempotency.wrap(auth::projectScope, this::image));
    }

    private void embed(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        PipelineResult result = calls.embed(caller, trace(body), body.string("model"), inputs(body));
        switch (result) {
            case PipelineResult.Embedded embedded -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("embeddings", embedded.result().embeddings().stream().map(OneShotRoutes::vector).toList());
                json.put("model", embedded.model().identifier());
                json.put("usage_tokens", embedded.result().usage().promptTokens());
                json.put("step_id", embedded.step().id().value());
                json.put("trace_id", embedded.trace().id().toString());
                ctx.json(json);
            }
            case PipelineResult.Blocked blocked -> throw ApiError.of(403, "blocked",
                            "Input blocked by data-ingestion guardrail").with("reason", blocked.reason())
                    .with("step_id", blocked.step().id().value());
            default -> throw PipelineErrors.of(result);
        }
    }

    private void image(Context ctx) {
        KeyCaller caller = auth.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx);
        String size = body.string("size").orElse("1024x1024");
        if (!SIZE.matcher(size).matches()) {
            throw ApiError.invalid("size must look like 1024x1024");
        }
        int n = body.integer("n").orElse(1);
        if (n < 1 || n > 10) {
            throw ApiError.invalid("n must be between 1 and 10");
        }
        ImageRequest request = new ImageRequest(body.requireString("prompt"), size, n, body.string("quality"),
                body.string("style"));
        PipelineResult result = calls.image(caller, trace(body), body.string("model"), request);
        switch (result) {
            case PipelineResult.Imaged imaged -> ctx.json(Map.of("images", imaged.result().images(),
                    "model", imaged.model().identifier(), "step_id", imaged.step().id().value(),
                    "trace_id", imaged.trace().id().toString()));
            case PipelineResult.Blocked blocked -> throw ApiError.of(403, "blocked",
                            "Prompt blocked by guardrails").with("reason", blocked.reason())
                    .with("step_id", blocked.step().id().value());
            default -> throw PipelineErrors.of(result);
        }
    }

    private static Optional<TraceId> trace(JsonBody body) {
        return body.string("trace_id").map(ExecutionRoutes::traceId);
    }

    /**
     * A string or an array of 1 to 2048 strings, none of them empty, as OpenAI requires: an empty text has no
     * meaning to embed, and a provider would refuse it only after the call was admitted and recorded.
     */
    private static List<String> inputs(JsonBody body) {
        Object raw = body.value("input").orElseThrow(() -> ApiError.invalid("input is required"));
        List<?> inputs = raw instanceof String single ? List.of(single) : raw instanceof List<?> list ? list : null;
        if (inputs == null || inputs.isEmpty() || inputs.size() > MAX_EMBEDDING_INPUTS
                || !inputs.stream().allMatch(String.class::isInstance)) {
            throw ApiError.invalid("input must be a string or an array of 1-" + MAX_EMBEDDING_INPUTS + " strings");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (((String) inputs.get(i)).isEmpty()) {
                throw ApiError.invalid((raw instanceof String ? "input" : "input[" + i + "]") + " must not be empty");
            }
        }
        return inputs.stream().map(String.class::cast).toList();
    }

    private static List<Float> vector(Embedding embedding) {
        float[] values = embedding.vector();
        List<Float> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(value);
        }
        return list;
    }
}
