package io.olyx.adapter.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A request's body, read once and kept for the rest of the request. Javalin's own read copies every body through an
 * 8 KB buffer into a growing 8 KB one and then into its result: about 17 KB of garbage per call for a body of a few
 * hundred bytes, which made young collections (and the pauses that set the gateway's p99) come more often. Reading
 * a body of declared length straight into an array of that length makes only the array.
 */
final class RequestBody {
    private static final String ATTRIBUTE = "olyx.body";

    private RequestBody() {
    }

    /** The body's bytes; a read that fails carries {@link BodyLimit}'s error in its cause. */
    static byte[] bytes(Context ctx) {
        byte[] body = ctx.attribute(ATTRIBUTE);
        if (body == null) {
            body = read(ctx);
            ctx.attribute(ATTRIBUTE, body);
        }
        return body;
    }

    /** The charset the request declares, UTF-8 (what JSON must be in) when it declares none. */
    static Charset charset(Context ctx) {
        return charset(ctx.req().getCharacterEncoding());
    }

    /** The charset a Content-Type's {@code charset} parameter names ({@code null}: none), by the same rule. */
    static Charset charset(String declared) {
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ApiError.of(415, "unsupported_charset", "Content-Type names a charset this server does not know: "
                    + declared);
        }
    }

    private static byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try {
            var in = ctx.req().getInputStream();
            // past the body limit the read stops at BodyLimit's 413 either way, without allocating the declared size
            return declared >= 0 && declared < Integer.MAX_VALUE ? in.readNBytes((int) declared) : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
