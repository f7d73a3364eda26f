package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Optional;
import java.util.stream.Stream;

/** JSON calls to Olyx under one credential: 2xx answers come back as JSON, everything else as a {@link CliFailure}. */
final class OlyxApi {
    private final RetryingClient client;
    private final String baseUrl;
    private final Optional<String> bearer;

    OlyxApi(RetryingClient client, String baseUrl, Optional<String> bearer) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    JsonNode get(String path) {
        return send("GET", path, Optional.empty(), Optional.empty());
    }

    JsonNode delete(String path) {
        return send("DELETE", path, Optional.empty(), Optional.empty());
    }

    JsonNode post(String path, Object body, Optional<String> idempotencyKey) {
        return send("POST", path, Optional.of(body), idempotencyKey);
    }

    JsonNode send(String method, String path, Optional<Object> body, Optional<String> idempotencyKey) {
        ApiRequest request = new ApiRequest(method, path, body.map(Json::write), bearer, idempotencyKey);
        ApiResponse response = answered(client.send(request));
        if (response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        return Json.parse(response.body()).orElseThrow(() -> new CliFailure(Exit.UNAVAILABLE,
                method + " " + path + " answered HTTP " + response.status() + " with a body that is not JSON"));
    }

    /** POSTs {@code body} and opens the server-sent event stream it answers; the caller closes it. */
    Stream<String> events(String path, Object body) {
        ApiRequest request = new ApiRequest("POST", path, Optional.of(Json.write(body)), bearer, Optional.empty());
        return answered(client.open(request)).events();
    }

    private ApiResponse answered(Reply reply) {
        return switch (reply) {
            case Reply.Answered answered when answered.response().successful() -> answered.response();
            case Reply.Answered answered -> throw failure(answered.response());
            case Reply.Unreachable unreachable -> throw new CliFailure(Exit.UNAVAILABLE, "cannot reach Olyx at "
                    + baseUrl + ": " + unreachable.reason() + " (" + unreachable.attempts() + " attempts)");
        };
    }

    /** Seed 002's error shape {error, code, request_id}, told in one line. */
    private static CliFailure failure(ApiResponse response) {
        Optional<JsonNode> json = Json.parse(response.body());
        StringBuilder message = new StringBuilder("HTTP ").append(response.status());
        json.map(j -> j.path("error")).filter(JsonNode::isTextual)
                .ifPresent(error -> message.append(": ").append(error.asText()));
        json.map(j -> j.path("code")).filter(JsonNode::isTextual)
                .ifPresent(code -> message.append(" (").append(code.asText()).append(')'));
        json.map(j -> j.path("request_id")).filter(JsonNode::isTextual)
                .ifPresent(id -> message.append(" [request ").append(id.asText()).append(']'));
        response.retryAfter().ifPresent(after -> message.append("; Retry-After: ").append(after));
        return new CliFailure(Exit.forStatus(response.status()), message.toString(),
                json.map(j -> response.body().strip()));
    }
}
