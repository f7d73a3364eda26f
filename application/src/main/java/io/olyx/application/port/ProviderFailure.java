package io.olyx.application.port;

import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.ProviderKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model call that did not produce an answer. The kind decides what happens next: {@link #retryable()} kinds send
 * the request down the fallback path; the others are answered to the client ({@link Kind#UNSUPPORTED} as 422,
 * {@link Kind#CLIENT_ERROR} with the provider's message). The message never contains credentials.
 */
public final class ProviderFailure extends RuntimeException {

    public enum Kind {
        /** Could not reach the provider, or the connection broke mid-answer. */
        CONNECT(true),
        /** No answer (or no next chunk of a stream) within the endpoint's timeouts. */
        TIMEOUT(true),
        /** HTTP 429 or the provider's throttling error; see {@link #retryAfter()}. */
        RATE_LIMITED(true),
        /** HTTP 5xx or the provider's overloaded / internal error. */
        SERVER_ERROR(true),
        /** HTTP 4xx other than 429: bad key, unknown model, invalid request. Another model would not help. */
        CLIENT_ERROR(false),
        /** 2xx that was not the provider's format; the next model may well answer properly. */
        MALFORMED_RESPONSE(true),
        /** The provider or model does not offer this operation (e.g. embeddings on Anthropic): HTTP 422. */
        UNSUPPORTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final ProviderKind provider;
    private final OptionalInt httpStatus;
    private final String providerMessage;
    private final Optional<Duration> retryAfter;
    private final Optional<ChatResult> partial;

    public ProviderFailure(Kind kind, ProviderKind provider, OptionalInt httpStatus, String providerMessage,
                           Optional<Duration> retryAfter, Optional<ChatResult> partial, Throwable cause) {
        super(describe(kind, provider, httpStatus, providerMessage), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.httpStatus = Objects.requireNonNull(httpStatus, "httpStatus");
        this.providerMessage = providerMessage == null ? "" : providerMessage;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.partial = Objects.requireNonNull(partial, "partial");
    }

    public static ProviderFailure of(Kind kind, ProviderKind provider, String message) {
        return new ProviderFailure(kind, provider, OptionalInt.empty(), message, Optional.empty(), Optional.empty(),
                null);
    }

    public static ProviderFailure unsupported(ProviderKind provider, String operation) {
        return of(Kind.UNSUPPORTED, provider, provider.wire() + " does not support " + operation);
    }

    /** The same failure, carrying what a stream had produced before it broke. */
    public ProviderFailure withPartial(ChatResult soFar) {
        return new ProviderFailure(kind, provider, httpStatus, providerMessage, retryAfter, Optional.of(soFar),
                getCause());
    }

    /** The same failure in other words: the provider's text with a credential it echoed masked, say. */
    public ProviderFailure withProviderMessage(String message) {
        return new ProviderFailure(kind, provider, httpStatus, message, retryAfter, partial, getCause());
    }

    public Kind kind() {
        return kind;
    }

    public ProviderKind provider() {
        return provider;
    }

    public OptionalInt httpStatus() {
        return httpStatus;
    }

    /** The provider's own error text (or Olyx's description of the transport problem). */
    public String providerMessage() {
        return providerMessage;
    }

    /** How long the provider asked us to wait (Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Whether trying the next model on the fallback path makes sense. */
    public boolean retryable() {
        return kind.retryable();
    }

    /** What a stream delivered before failing (text so far, estimated usage); empty for non-streaming calls. */
    public Optional<ChatResult> partial() {
        return partial;
    }

    private static String describe(Kind kind, ProviderKind provider, OptionalInt status, String message) {
        StringBuilder sb = new StringBuilder(provider.wire()).append(' ')
                .append(kind.name().toLowerCase(java.util.Locale.ROOT));
        status.ifPresent(s -> sb.append(" (HTTP ").append(s).append(')'));
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(message);
        }
        return sb.toString();
    }
}
