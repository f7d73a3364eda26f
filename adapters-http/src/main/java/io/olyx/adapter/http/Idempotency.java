package io.olyx.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.olyx.application.idempotency.IdempotentRequests;
import io.olyx.application.idempotency.IdempotentRequests.Outcome;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.idempotency.IdempotencyRecord.StoredResponse;
import io.olyx.domain.llm.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Wraps a create endpoint so that a request carrying {@code Idempotency-Key} runs once per key and caller: retries
 * get the first response (marked {@code Idempotent-Replayed: true}), a different body under the same key is a 422,
 * and a retry racing the first request waits for it or gets a retryable 409.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + IdempotentRequests.MAX_KEY_LENGTH + "}");

    private final IdempotentRequests requests;

    public Idempotency(IdempotentRequests requests) {
        this.requests = requests;
    }

    /** {@code scopeOf} authenticates the caller and names whose keys these are (a project, an account). */
    public Handler wrap(Function<Context, String> scopeOf, Handler inner) {
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null) {
                inner.handle(ctx);
                return;
            }
            if (!KEY.matcher(key).matches()) {
                throw ApiError.invalid(HEADER + " must be 1-" + IdempotentRequests.MAX_KEY_LENGTH
                        + " printable ASCII characters");
            }
            String scope = scopeOf.apply(ctx);
            StreamTranscript transcript = StreamTranscript.keep(ctx);
            Outcome outcome = requests.execute(scope, key, hash(ctx), () -> runOnce(ctx, inner, transcript));
            switch (outcome) {
                case Outcome.Fresh fresh -> {
                }
                case Outcome.Replayed replayed -> replay(ctx, replayed.response());
                case Outcome.Mismatch mismatch -> throw ApiError.of(422, "idempotency_key_reused",
                        "This Idempotency-Key was already used with a different request");
                case Outcome.InProgress inProgress -> throw ApiError.conflict("idempotency_in_progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly");
            }
        };
    }

    private static StoredResponse runOnce(Context ctx, Handler inner, StreamTranscript transcript) {
        try {
            inner.handle(ctx);
        } catch (ApiError e) {
            ErrorHandling.write(ctx, e);
        } catch (InvalidInput e) {
            ErrorHandling.write(ctx, ApiError.invalid(e.getMessage()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String body = Optional.ofNullable(ctx.result()).or(transcript::text).orElse("");
        String contentType = ctx.res().getContentType();
        return new StoredResponse(ctx.statusCode(), body, contentType == null ? "application/json" : contentType);
    }

    private static void replay(Context ctx, StoredResponse response) {
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
        ctx.header("Idempotent-Replayed", "true");
    }

    private static String hash(Context ctx) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(comparable(ctx));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON body in its exact canonical form, so a retry that serialises the same request differently (whitespace,
     * member order, escapes, charset, {@code 1e3} for {@code 1000}) is the same request, while {@code 1.0} and
     * {@code 1}, which Olyx may hand on differently, are not. A multipart upload, or a body that is no JSON object
     * (refused by the endpoint, or a raw JSONL upload), is compared by its bytes.
     */
    private static byte[] comparable(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return RequestBody.bytes(ctx);
        }
        try {
            return CanonicalJson.exact(JsonBody.of(ctx).raw()).getBytes(StandardCharsets.UTF_8);
        } catch (ApiError notAJsonObject) {
            return RequestBody.bytes(ctx);
        }
    }
}
