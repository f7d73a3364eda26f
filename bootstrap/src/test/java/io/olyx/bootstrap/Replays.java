package io.olyx.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

/** Polls a replay job the way seed 002 tells clients to, until it reaches a status the caller waits for. */
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
}
