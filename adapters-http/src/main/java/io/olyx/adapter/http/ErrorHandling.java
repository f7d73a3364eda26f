package io.olyx.adapter.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.olyx.application.port.OwnerDeleted;
import io.olyx.domain.common.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.BadMessageException;
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
        app.exception(HttpResponseException.class,
                (e, ctx) -> write(ctx, fromStatus(e.getStatus(), e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            Optional<ApiError> unreadBody = bodyReadFailure(e);
            if (unreadBody.isPresent()) {
                write(ctx, unreadBody.get());
                return;
            }
            Optional<OwnerDeleted> deleted = ownerDeleted(e);
            if (deleted.isPresent()) {
                write(ctx, ApiError.notFound(deleted.get().owner()));
                return;
            }
            LOG.error("unexpected failure on {} {} (request {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            write(ctx, ApiError.of(500, "internal_error", "Internal server error"));
        });
        app.error(404, ctx -> writeUnlessWritten(ctx, ApiError.of(404, "not_found", "No such endpoint: "
                + ctx.method() + " " + ctx.path())));
        app.error(405, ctx -> writeUnlessWritten(ctx, ApiError.of(405, "method_not_allowed", "Method "
                + ctx.method() + " is not allowed on " + ctx.path())));
    }

    static void write(Context ctx, ApiError error) {
        Map<String, Object> body = body(error, RequestIds.of(ctx));
        error.retryAfter().ifPresent(d -> ctx.header("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
        ctx.attribute(WRITTEN, true);
        ctx.status(error.status()).json(body);
    }

    static Map<String, Object> body(ApiError error, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getMessage());
        body.put("code", error.code());
        body.putAll(error.details());
        body.put("request_id", requestId);
        return body;
    }

    private static void writeUnlessWritten(Context ctx, ApiError error) {
        if (ctx.attribute(WRITTEN) == null) {
            write(ctx, error);
        }
    }

    /**
     * The client's own body bytes being wrong or late (over the limit, broken chunking, stalled; see
     * {@link BodyLimit}) reach a handler wrapped in the IOException of the read that hit them, as an {@link ApiError}
     * or Jetty's {@link BadMessageException}.
     */
    static Optional<ApiError> bodyReadFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiError error) {
                return Optional.of(error);
            }
            if (cause instanceof BadMessageException bad) {
                return Optional.of(fromStatus(bad.getCode(), bad.getReason()));
            }
        }
        return Optional.empty();
    }

    /**
     * What the request wrote into was deleted while it ran (a project deleted during a create or a model call):
     * the answer the request would have had after the delete, however the failure reached the handler.
     */
    static Optional<OwnerDeleted> ownerDeleted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OwnerDeleted deleted) {
                return Optional.of(deleted);
            }
        }
        return Optional.empty();
    }

    /** The error answer for a status that Javalin or Jetty chose, with the message they gave. */
    static ApiError fromStatus(int status, String message) {
        return switch (status) {
            case 413 -> ApiError.payloadTooLarge();
            case 400 -> ApiError.badRequest("bad_request", message);
            case 404 -> ApiError.of(404, "not_found", message);
            case 405 -> ApiError.of(405, "method_not_allowed", message);
            case 414 -> ApiError.of(414, "uri_too_long", message);
            case 431 -> ApiError.of(431, "headers_too_large", message);
            default -> ApiError.of(status, "http_" + status, message);
        };
    }
}
