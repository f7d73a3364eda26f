package io.olyx.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A plain HTTP client for end-to-end tests: what any user of the API would send, nothing Olyx-specific. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Optional<String> bearer;

    ApiClient(String baseUrl) {
        this(baseUrl, Optional.empty());
    }

    private ApiClient(String baseUrl, Optional<String> bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    ApiClient as(String credential) {
        return new ApiClient(baseUrl, Optional.of(credential));
    }

    ApiClient anonymous() {
        return new ApiClient(baseUrl, Optional.empty());
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, Object body, String... headers) {
        try {
            String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            bearer.ifPresent(b -> request.header("Authorization", "Bearer " + b));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    record Response(int status, JsonNode json, String body, HttpHeaders headers) {
        String text(String field) {
            return json.path(field).asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
