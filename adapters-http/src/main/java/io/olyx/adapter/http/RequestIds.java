package io.olyx.adapter.http;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Every request gets an id, echoed in X-Request-Id and in error bodies, so a user can quote it to find the logs. */
public final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "olyx.request-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String id = next();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String next() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "req_unknown" : id;
    }
}
