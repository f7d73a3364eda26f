package io.olyx.adapter.providers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.application.port.ProviderFailure;
import io.olyx.application.port.ProviderFailure.Kind;
import io.olyx.domain.common.Characters;
import io.olyx.domain.llm.ProviderKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns HTTP statuses, provider error bodies and transport exceptions into {@link ProviderFailure}s. */
public final class ProviderFailures {
    private static final int MAX_MESSAGE = 500;

    private ProviderFailures() {
    }

    public static ProviderFailure fromStatus(ProviderKind provider, int status, HttpHeaders headers, byte[] body,
                                             ObjectMapper json, Clock clock) {
        String message = errorMessage(body, json);
        Optional<String> awsType = headers.firstValue("x-amzn-errortype").map(t -> t.split(":", 2)[0]);
        if (awsType.isPresent()) {
            message = awsType.get() + (message.isEmpty() ? "" : ": " + message);
        }
        return new ProviderFailure(kindOf(status, awsType), provider, OptionalInt.of(status), message,
                retryAfter(headers, clock), Optional.empty(), null);
    }

    /** Maps a status the way the pipeline needs it; Bedrock's error type refines what a bare status says. */
    public static Kind kindOf(int status, Optional<String> awsErrorType) {
        String type = awsErrorType.orElse("");
        if (status == 429 || type.equals("ThrottlingException") || type.equals("TooManyRequestsException")) {
            return Kind.RATE_LIMITED;
        }
        if (status == 408 || status == 504 || type.equals("ModelTimeoutException")) {
            return Kind.TIMEOUT;
        }
        if (status >= 500 || status == 424 || type.equals("ModelNotReadyException")) {
            return Kind.SERVER_ERROR;
        }
        return Kind.CLIENT_ERROR;
    }

    /** The provider's own words from its error body: OpenAI, Azure, Anthropic, Gemini and Bedrock shapes. */
    public static String errorMessage(byte[] body, ObjectMapper json) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode root = json.readTree(body);
            if (root != null) {
                JsonNode error = root.path("error");
                if (error.isObject() && error.path("message").isTextual()) {
                    String type = error.path("type").asText(error.path("status").asText(""));
                    return truncate((type.isEmpty() || type.equals("error") ? "" : type + ": ")
                            + error.path("message").asText());
                }
                if (error.isTextual()) {
                    return truncate(error.asText());
                }
                for (String field : new String[] {"message", "Message", "detail"}) {
                    if (root.path(field).isTextual()) {
                        return truncate(root.path(field).asText());
                    }
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the raw text
        }
        return truncate(new String(body, StandardCharsets.UTF_8).strip());
    }

    public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get().strip()))));
            } catch (NumberFormatException ignored) {
                // try the standard header
            }
        }
        return headers.firstValue("retry-after").flatMap(value -> parseRetryAfter(value.strip(), clock));
    }

    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** A failure to send or to get the response head. */
    public static ProviderFailure fromSendException(ProviderKind provider, IOException e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException
                || e.getCause() instanceof ConnectException) {
            return new ProviderFailure(Kind.CONNECT, provider, OptionalInt.empty(),
                    "could not connect to the provider: " + describe(e), Optional.empty(), Optional.empty(), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ProviderFailure(Kind.TIMEOUT, provider, OptionalInt.empty(),
                    "the provider did not answer within the request timeout", Optional.empty(), Optional.empty(), e);
        }
        return connectionLost(provider, e);
    }

    public static ProviderFailure connectionLost(ProviderKind provider, IOException e) {
        return new ProviderFailure(Kind.CONNECT, provider, OptionalInt.empty(),
                "connection to the provider failed: " + describe(e), Optional.empty(), Optional.empty(), e);
    }

    public static ProviderFailure malformed(ProviderKind provider, String what) {
        return ProviderFailure.of(Kind.MALFORMED_RESPONSE, provider, what);
    }

    public static ProviderFailure malformed(ProviderKind provider, String what, Throwable cause) {
        return new ProviderFailure(Kind.MALFORMED_RESPONSE, provider, OptionalInt.empty(),
                what + (cause.getMessage() == null ? "" : ": " + truncate(cause.getMessage())),
                Optional.empty(), Optional.empty(), cause);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : truncate(message);
    }

    private static String truncate(String s) {
        return Characters.abbreviate(s, MAX_MESSAGE);
    }
}
