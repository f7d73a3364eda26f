package io.olyx.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * Polls a replay job the way seed 002 tells clients to, until it reaches a status the caller waits for; queues
 * identical replays all at once, as a retrying fleet of clients would.
 */
final class Replays {
    static final Set<String> TERMINAL = Set.of("completed", "failed");

    private Replays() {
    }

    static JsonNode awaitEnd(ApiClient client, String jobId) {
        return await(client, jobId, json -> TERMINAL.contains(json.path("status").asText()), Duration.ofSeconds(60));
    }

    static JsonNode await(ApiClient client, String jobId, Predicate<JsonNode> reached, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Response poll = client.get("/api/v1/replay/" + jobId);
            last = poll.json();
            if (poll.status() != 200) {
                throw new AssertionError("polling " + jobId + " answered " + poll);
            }
            if (reached.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("replay " + jobId + " did not get there in " + timeout + "; last seen " + last);
    }

    /** {@code requests} identical POST /api/v1/replay, released together, spread over {@code clients} in turn. */
    static List<ApiClient.Response> queueAtOnce(List<ApiClient> clients, Map<String, Object> body, int requests)
            throws InterruptedException, ExecutionException {
        return AtOnce.post(clients, "/api/v1/replay", i -> body, requests);
    }

    /** The ids of the replay traces recorded for {@code source}. */
    static List<String> replayTracesOf(ApiClient client, String source) {
        JsonNode replays = client.get("/api/v1/traces?status=replay&per_page=100").json().path("data");
        return StreamSupport.stream(replays.spliterator(), false)
                .filter(trace -> trace.path("replay_of").asText().equals(source))
                .map(trace -> trace.path("id").asText()).toList();
    }
}
