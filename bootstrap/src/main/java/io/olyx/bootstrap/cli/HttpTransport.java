package io.olyx.bootstrap.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Sends one request with the seed 002 headers (Authorization, Accept, Content-Type, User-Agent); no retries here. */
final class HttpTransport implements AutoCloseable {
    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    HttpTransport(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ApiResponse send(ApiRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(build(request, "application/json"),
                HttpResponse.BodyHandlers.ofString());
        return new ApiResponse(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After"), Stream.empty());
    }

    /** For server-sent events: the timeout covers the wait for the response head, not the whole stream. */
    ApiResponse open(ApiRequest request) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(build(request, "text/event-stream"),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() == 200) {
            return new ApiResponse(200, "", response.headers().firstValue("Retry-After"), response.body());
        }
        try (Stream<String> lines = response.body()) {
            return new ApiResponse(response.statusCode(), lines.collect(Collectors.joining("\n")),
                    response.headers().firstValue("Retry-After"), Stream.empty());
        }
    }

    private HttpRequest build(ApiRequest request, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(timeout)
                .header("Accept", accept)
                .header("Content-Type", "application/json")
                .header("User-Agent", CliVersion.userAgent())
                .method(request.method(), request.body().map(HttpRequest.BodyPublishers::ofString)
                        .orElseGet(HttpRequest.BodyPublishers::noBody));
        request.bearer().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        request.idempotencyKey().ifPresent(key -> builder.header("Idempotency-Key", key));
        return builder.build();
    }

    /** The command is over: nothing in flight is still wanted, so nothing is waited for. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
