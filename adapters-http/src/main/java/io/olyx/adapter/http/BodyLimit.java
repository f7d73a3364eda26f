package io.olyx.adapter.http;

import io.javalin.http.Context;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.HttpInput;
import org.eclipse.jetty.server.Request;

/**
 * Bounds the body bytes a request may hand to its handler, counted as Jetty reads them. Javalin only compares the
 * Content-Length header with its limit, so without this a chunked body or a multipart upload could fill the heap.
 * Past the limit the read fails with a 413 {@link BadMessageException}, which {@link ErrorHandling} answers.
 * <p>
 * It also names a body that cannot be read at all: Jetty hands a broken chunked framing or a body cut short as an
 * "Early EOF", and a client that stops sending as an idle timeout, both of which Javalin would answer as an empty
 * 500. The read fails instead with the client's error (400 {@code invalid_body}, 408 {@code request_timeout}).
 */
final class BodyLimit implements HttpInput.Interceptor {
    private static final String ATTRIBUTE = "olyx.body-limit";

    private final long uploadLimit;
    private long limit;
    private long read;

    private BodyLimit(long limit, long uploadLimit) {
        this.limit = limit;
        this.uploadLimit = uploadLimit;
    }

    static void install(Context ctx, HttpSettings settings) {
        // no route takes more than an upload; Javalin's own check reads the length as an int, so a length past
        // 2^31 - 1 would otherwise wait for bytes until the idle timeout
        if (ctx.req().getContentLengthLong() > Math.max(settings.maxBodyBytes(), settings.maxUploadBytes())) {
            throw ApiError.payloadTooLarge();
        }
        BodyLimit bodyLimit = new BodyLimit(settings.maxBodyBytes(), settings.maxUploadBytes());
        Request.getBaseRequest(ctx.req()).getHttpInput().addInterceptor(bodyLimit);
        ctx.attribute(ATTRIBUTE, bodyLimit);
    }

    /** Lets this request's body grow to the upload limit; a larger declared length is refused before reading. */
    static void allowUpload(Context ctx) {
        BodyLimit bodyLimit = ctx.attribute(ATTRIBUTE);
        bodyLimit.limit = bodyLimit.uploadLimit;
        if (ctx.req().getContentLengthLong() > bodyLimit.limit) {
            throw ApiError.payloadTooLarge();
        }
    }

    @Override
    public HttpInput.Content readFrom(HttpInput.Content content) {
        Throwable failure = content.getError();
        if (failure != null) {
            throw unreadable(failure);
        }
        read += content.remaining();
        if (read > limit) {
            throw new BadMessageException(413, "Request body is larger than " + limit + " bytes");
        }
        return content;
    }

    private static RuntimeException unreadable(Throwable failure) {
        if (failure instanceof BadMessageException bad) {
            return bad;
        }
        if (failure instanceof TimeoutException) {
            return ApiError.of(408, "request_timeout", "Request body stopped arriving before it was complete");
        }
        return ApiError.badRequest("invalid_body", "Request body is malformed or cut short (broken chunked "
                + "encoding, or fewer bytes than its Content-Length)");
    }
}
