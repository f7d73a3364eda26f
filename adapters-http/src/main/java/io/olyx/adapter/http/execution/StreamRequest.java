package io.olyx.adapter.http.execution;

import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;

/**
 * What a streamed execution is asked for. Seed 001's GET carries it in the query string, which the server caps with
 * the rest of the request head (8 KiB): an input the policy allows (guardrails.max_input_length, 10,000 characters by
 * default, up to 9 bytes each once percent-encoded) does not fit there, so the same request may be POSTed as JSON.
 */
record StreamRequest(String traceId, String input, boolean includeUsage) {

    static StreamRequest fromQuery(Context ctx) {
        return new StreamRequest(required(ctx, "trace_id"), required(ctx, "input"),
                PathParams.boolQuery(ctx, "include_usage").orElse(false));
    }

    static StreamRequest fromBody(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        return new StreamRequest(body.requireString("trace_id"), body.requireString("input"),
                body.bool("include_usage").orElse(false));
    }

    private static String required(Context ctx, String name) {
        return PathParams.query(ctx, name).orElseThrow(() -> ApiError.invalid(name + " is required"));
    }
}
