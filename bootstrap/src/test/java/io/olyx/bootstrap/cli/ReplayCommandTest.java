package io.olyx.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.bootstrap.cli.CliHarness.Result;
import io.olyx.bootstrap.cli.FakeOlyx.Answer;
import io.olyx.bootstrap.cli.FakeOlyx.Recorded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replay client against the seed's shapes (the server side is being built elsewhere). */
class ReplayCommandTest {
    private static final String QUEUED = "{\"job_id\":\"a3f9c1d8e72b\",\"source_trace_id\":\"t-1\",\"status\":\"queued\"}";
    private static final String RUNNING = "{\"job_id\":\"a3f9c1d8e72b\",\"status\":\"running\"}";
    private static final String COMPLETED = """
            {"job_id":"a3f9c1d8e72b","source_trace_id":"t-1","status":"completed",
             "summary":{"baseline_model":"standard-model","candidate_model":"frontier-model",
                        "latency_delta_ms":-120,"cost_delta":"0.0008"}}""";
    private static final String POLL = "/api/v1/replay/a3f9c1d8e72b";

    private final FakeOlyx server = FakeOlyx.start();
    private final CliHarness cli = CliHarness.withEnv(Map.of());

    @AfterEach
    void stop() {
        server.close();
    }

    private Result run(String... args) {
        return cli.run(List.of("--url", server.url(), "--api-key", FakeOlyx.KEY), args);
    }

    private static Answer[] polls(String... bodies) {
        return java.util.Arrays.stream(bodies).map(b -> Answer.json(200, b)).toArray(Answer[]::new);
    }

    @Test
    void aQueuedReplayIsPolledOnTheSeedScheduleUntilItCompletes() {
        server.on("POST", "/api/v1/replay", Answer.json(202, QUEUED));
        server.on("GET", POLL, polls(QUEUED, RUNNING, RUNNING, RUNNING, RUNNING, COMPLETED));

        Result result = run("replay", "queue", "t-1", "--force-model", "gpt-4o-mini", "--wait");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(server.requests("GET", POLL)).hasSize(6);
        assertThat(cli.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(result.out()).contains("status: completed", "summary.candidate_model: frontier-model",
                "summary.cost_delta: 0.0008");
        assertThat(server.requests("POST", "/api/v1/replay").get(0).body())
                .isEqualTo("{\"trace_id\":\"t-1\",\"force_model\":\"gpt-4o-mini\"}");
    }

    @Test
    void queueingPrintsTheJobIdAndTheSameReplayReusesItsIdempotencyKey() {
        server.on("POST", "/api/v1/replay", Answer.json(202, QUEUED));

        Result first = run("replay", "queue", "t-1", "--max-cost", "0.005");
        Result again = run("replay", "queue", "t-1", "--max-cost", "0.005");
        Result other = run("replay", "queue", "t-1", "--max-cost", "0.006");

        assertThat(first.exit()).isZero();
        assertThat(first.out()).isEqualTo("a3f9c1d8e72b\n");
        assertThat(server.requests("GET", POLL)).isEmpty();
        List<String> keys = server.requests("POST", "/api/v1/replay").stream()
                .map(r -> r.header("Idempotency-Key").orElseThrow()).toList();
        assertThat(keys.get(0)).startsWith("replay-t-1-").isEqualTo(keys.get(1)).isNotEqualTo(keys.get(2));
    }

    @Test
    void retriesOfAQueueKeepTheirIdempotencyKey() {
        server.on("POST", "/api/v1/replay", Answer.json(503, "{}").header("Retry-After", "1"),
                Answer.json(202, QUEUED));

        assertThat(run("replay", "queue", "t-1").exit()).isZero();

        List<Recorded> posts = server.requests("POST", "/api/v1/replay");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).header("Idempotency-Key")).isEqualTo(posts.get(1).header("Idempotency-Key"));
    }

    @Test
    void aCacheHitIsPrintedWithoutPolling() {
        server.on("POST", "/api/v1/replay", Answer.json(200, COMPLETED));

        Result result = run("--json", "replay", "queue", "t-1", "--wait");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("\"status\":\"completed\"", "\"cost_delta\":\"0.0008\"");
        assertThat(server.requests("GET", POLL)).isEmpty();
    }

    @Test
    void aFailedJobEndsTheWaitWithExitNine() {
        server.on("GET", POLL, polls(RUNNING, "{\"status\":\"failed\",\"error\":\"Source trace not found\"}"));

        Result result = run("replay", "wait", "a3f9c1d8e72b");

        assertThat(result.exit()).isEqualTo(9);
        assertThat(result.err()).contains("failed", "Source trace not found");
        assertThat(cli.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void notFoundStopsThePollingAtOnce() {
        Result result = run("replay", "wait", "gone");

        assertThat(result.exit()).isEqualTo(4);
        assertThat(server.requests("GET", "/api/v1/replay/gone")).hasSize(1);
        assertThat(cli.sleeps()).isEmpty();
    }

    @Test
    void anUnknownJobStatusFailsClosed() {
        server.on("GET", POLL, polls("{\"status\":\"paused\"}"));

        Result result = run("replay", "wait", "a3f9c1d8e72b");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("paused", "upgrade");
    }

    @Test
    void theWaitGivesUpAtMaxWaitWithoutExceedingIt() {
        server.on("GET", POLL, polls(RUNNING));

        Result result = run("replay", "wait", "a3f9c1d8e72b", "--max-wait", "4s");

        assertThat(result.exit()).isEqualTo(9);
        assertThat(cli.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(result.err()).contains("still running after 3 s", "replay wait a3f9c1d8e72b");
    }

    @Test
    void replaysThatPolicyRunsOutsideTheServerAreRefused() {
        server.config(FakeOlyx.policy("public", false, 10000).replace("\"replay_execution_mode\": \"cloud\"",
                "\"replay_execution_mode\": \"customer_runtime\""));

        Result result = run("replay", "queue", "t-1");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("customer_runtime");
        assertThat(server.requests("POST", "/api/v1/replay")).isEmpty();
    }

    @Test
    void forceModelAndCompareModelsExcludeEachOther() {
        Result result = run("replay", "queue", "t-1", "--force-model", "a", "--compare-model", "b");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(server.requests()).isEmpty();
    }
}
