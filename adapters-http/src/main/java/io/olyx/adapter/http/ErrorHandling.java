package io.olyx.adapter.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.olyx.domain.common.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as {@code {"error", "code", "request_id"}} with the status of seed 002's table: expected
 * rejections as 4xx, and anything unexpected as a 500 that says nothing of the internals (the log has the stack).
 */
final class ErrorHandling {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);
    private static final String WRITTEN = "olyx.error-written";

    private ErrorHandling() {
    }

    static void register(Javalin app) {
        app.exception(ApiError.class, (e, ctx) -> write(ctx, e));
        app.exception(InvalidInput.class, (e, ctx) -> write(ctx, ApiError.invalid(e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {} (request {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            write(ctx, ApiError.of(500, "internal_error", "Internal server error"));
        });
        app.error(404, ctx -> writeUnlessWritten(ctx, ApiError.of(404, "not_found", "No such endpoint: "
                + ctx.method() + " " + ctx.path())));
        app.error(405, ctx -> writeUnlessWritten(ctx, ApiError.of(405, "method_not_allowed", "Method "
                + ctx.method() + " is not allowed on " + ctx.path())));
    }

    static void write(Context ctx, ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getMessage());
        body.put("code", error.code());
        body.putAll(error.details());
        body.put("request_id", RequestIds.of(ctx));
        error.retryAfter().ifPresent(d -> ctx.header("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
        ctx.attribute(WRITTEN, true);
        ctx.status(error.status()).json(body);
    }

    private static void writeUnlessWritten(Context ctx, ApiError error) {
        if (ctx.attribute(WRITTEN) == null) {
            write(ctx, error);
        }
    }

    private static ApiError fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> ApiError.of(413, "payload_too_large", "Request body is larger than the server accepts");
            case 400 -> ApiError.badRequest("bad_request", e.getMessage());
            case 404 -> ApiError.of(404, "not_found", e.getMessage());
            case 405 -> ApiError.of(405, "method_not_allowed", e.getMessage());
            default -> ApiError.of(e.getStatus(), "http_" + e.getStatus(), e.getMessage());
        };
    }
}
