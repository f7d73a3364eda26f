package io.olyx.adapter.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An error answer in the seed's shape {@code {"error", "code", "request_id"}}, thrown from handlers and rendered by
 * {@link ErrorHandling}. Extra members (e.g. a guardrail's reason) ride along in {@code details}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final Optional<Duration> retryAfter;
    private final Map<String, Object> details;

    private ApiError(int status, String code, String message, Optional<Duration> retryAfter,
                     Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.details = details;
    }

    public static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, Optional.empty(), Map.of());
    }

    public static ApiError badRequest(String code, String message) {
        return of(400, code, message);
    }

    public static ApiError unauthorized() {
        return of(401, "unauthorized", "Unauthorized");
    }

    public static ApiError forbidden(String message) {
        return of(403, "forbidden", message);
    }

    public static ApiError notFound(String what) {
        return of(404, "not_found", what + " not found");
    }

    public static ApiError conflict(String code, String message) {
        return of(409, code, message);
    }

    public static ApiError invalid(String message) {
        return of(422, "invalid_request", message);
    }

    public static ApiError payloadTooLarge() {
        return of(413, "payload_too_large", "Request body is larger than the server accepts");
    }

    public static ApiError tooManyRequests(String code, String message, Duration retryAfter) {
        return new ApiError(429, code, message, Optional.of(retryAfter), Map.of());
    }

    public ApiError with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new ApiError(status, code, getMessage(), retryAfter, more);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public Map<String, Object> details() {
        return details;
    }
}
