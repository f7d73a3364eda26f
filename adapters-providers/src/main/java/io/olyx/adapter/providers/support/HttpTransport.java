package io.olyx.adapter.providers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs to providers over the shared {@link HttpClient} and applies the endpoint's timeouts: the request timeout
 * bounds the wait for the response head and, for non-streaming calls, the whole body; the stream idle timeout
 * bounds silence inside a stream. java.net.http fixes the connect timeout per client, so an endpoint whose connect
 * timeout differs from the shared client's gets a sibling client (same settings, one per distinct value, kept for
 * reuse) and everything else shares one connection pool.
 */
public final class HttpTransport implements AutoCloseable {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient shared;
    private final Map<Duration, HttpClient> siblings = new ConcurrentHashMap<>();
    private final StallWatchdog watchdog;
    private final ObjectMapper json;
    private final Clock clock;

    public HttpTransport(HttpClient shared, StallWatchdog watchdog, ObjectMapper json, Clock clock) {
        this.shared = shared;
        this.watchdog = watchdog;
        this.json = json;
        this.clock = clock;
    }

    /** An open 2xx response whose body is watched by the stall watchdog; close it to release the connection. */
    public record OpenResponse(int status, HttpHeaders headers, InputStream body) implements AutoCloseable {
        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // the watched stream never throws on close
            }
        }
    }

    /** A complete JSON answer with the response headers (some providers report usage in headers). */
    public record JsonResponse(JsonNode body, HttpHeaders headers) {
    }

    /** POSTs and reads a complete JSON answer; non-2xx and unparseable bodies become {@link ProviderFailure}s. */
    public JsonNode postJson(ModelEndpoint endpoint, URI uri, Map<String, String> headers, byte[] body) {
        return exchangeJson(endpoint, uri, headers, body).body();
    }

    /**
     * A whole answer is read into memory by the client itself (no pipe to the calling thread, no watchdog), bounded
     * as a whole by the request timeout and in size by the endpoint's {@code max_answer_bytes}.
     */
    public JsonResponse exchangeJson(ModelEndpoint endpoint, URI uri, Map<String, String> headers, byte[] body) {
        ProviderKind provider = endpoint.kind();
        HttpResponse<byte[]> response;
        try {
            response = clientFor(endpoint.connectTimeout())
                    .sendAsync(request(endpoint, uri, headers, body), CappedAnswer.bytes(endpoint.maxAnswerBytes()))
                    .get(endpoint.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw ProviderFailures.fromSendException(provider, new HttpTimeoutException("request timed out"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CappedAnswer.TooLarge tooLarge) {
                throw ProviderFailures.malformed(provider, tooLarge.getMessage());
            }
            throw ProviderFailures.fromSendException(provider, e.getCause() instanceof IOException io ? io
                    : new IOException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderFailure.of(ProviderFailure.Kind.CONNECT, provider, "interrupted while calling the provider");
        }
        if (response.statusCode() / 100 != 2) {
            byte[] errorBody = response.body();
            throw ProviderFailures.fromStatus(provider, response.statusCode(), response.headers(),
                    errorBody.length > MAX_ERROR_BODY ? Arrays.copyOf(errorBody, MAX_ERROR_BODY) : errorBody, json,
                    clock);
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw ProviderFailures.malformed(provider, "empty response body");
            }
            return new JsonResponse(node, response.headers());
        } catch (IOException e) {
            throw ProviderFailures.malformed(provider, "response is not JSON", e);
        }
    }

    /** POSTs and returns the open streaming response once its 2xx head arrived. */
    public OpenResponse openStream(ModelEndpoint endpoint, URI uri, Map<String, String> headers, byte[] body) {
        return open(endpoint, uri, headers, body, endpoint.streamIdleTimeout(), Long.MAX_VALUE);
    }

    private OpenResponse open(ModelEndpoint endpoint, URI uri, Map<String, String> headers, byte[] body,
                              Duration idle, long deadlineNanos) {
        ProviderKind provider = endpoint.kind();
        HttpResponse<InputStream> response;
        try {
            response = clientFor(endpoint.connectTimeout()).send(request(endpoint, uri, headers, body),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ProviderFailures.fromSendException(provider, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderFailure.of(ProviderFailure.Kind.CONNECT, provider, "interrupted while calling the provider");
        }
        InputStream watched = CappedAnswer.stream(watchdog.watch(response.body(), provider, idle, deadlineNanos),
                provider, endpoint.maxAnswerBytes());
        int status = response.statusCode();
        if (status / 100 != 2) {
            byte[] errorBody;
            try (watched) {
                errorBody = watched.readNBytes(MAX_ERROR_BODY);
            } catch (IOException | ProviderFailure e) {
                errorBody = new byte[0];
            }
            throw ProviderFailures.fromStatus(provider, status, response.headers(), errorBody, json, clock);
        }
        return new OpenResponse(status, response.headers(), watched);
    }

    private static HttpRequest request(ModelEndpoint endpoint, URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(endpoint.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    private HttpClient clientFor(Duration connectTimeout) {
        if (shared.connectTimeout().map(connectTimeout::equals).orElse(false)) {
            return shared;
        }
        return siblings.computeIfAbsent(connectTimeout, this::sibling);
    }

    private HttpClient sibling(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(shared.version())
                .followRedirects(shared.followRedirects());
        shared.executor().ifPresent(builder::executor);
        shared.proxy().ifPresent(builder::proxy);
        shared.authenticator().ifPresent(builder::authenticator);
        shared.cookieHandler().ifPresent(builder::cookieHandler);
        builder.sslContext(shared.sslContext()).sslParameters(shared.sslParameters());
        return builder.build();
    }

    @Override
    public void close() {
        siblings.values().forEach(HttpClient::close);
        siblings.clear();
    }
}
