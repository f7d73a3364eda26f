package io.olyx.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** JSONL document uploads as a client sends them: a multipart form with the file "documents", or a raw body. */
final class JsonlUploads {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BOUNDARY = "olyx-test-boundary-7c1f";

    private final int port;
    private final String rawKey;

    JsonlUploads(int port, String rawKey) {
        this.port = port;
        this.rawKey = rawKey;
    }

    static String jsonl(List<Map<String, Object>> lines) {
        return lines.stream().map(JsonlUploads::line).collect(Collectors.joining("\n")) + "\n";
    }

    static String line(Map<String, Object> fields) {
        try {
            return ApiClient.JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiClient.Response multipart(String collectionId, String jsonl, String insertMode) {
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"documents\"; filename=\"docs.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n" + jsonl + "\r\n"
                + (insertMode == null ? "" : "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"insert-mode\"\r\n\r\n" + insertMode + "\r\n")
                + "--" + BOUNDARY + "--\r\n";
        return send(collectionId, "", "multipart/form-data; boundary=" + BOUNDARY, body);
    }

    ApiClient.Response raw(String collectionId, String jsonl, String query) {
        return send(collectionId, query, "application/jsonl", jsonl);
    }

    private ApiClient.Response send(String collectionId, String query, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/collections/" + collectionId + "/documents" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + rawKey)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.body().isBlank()
                    ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : ApiClient.JSON.readTree(response.body()), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
