package io.olyx.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.bootstrap.cli.CliHarness.Result;
import io.olyx.bootstrap.cli.FakeOlyx.Answer;
import io.olyx.bootstrap.cli.FakeOlyx.Recorded;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed 002's retry rules, against a fake server that fails on demand; the sleeper records instead of sleeping. */
class CliRetriesTest {
    private static final String TRACE = "{\"id\":\"0197a3c4-trace\",\"status\":\"pending\"}";

    private final FakeOlyx server = FakeOlyx.start();
    private final CliHarness cli = CliHarness.withEnv(Map.of());

    @AfterEach
    void stop() {
        server.close();
    }

    private Result run(String... args) {
        return cli.run(List.of("--url", server.url(), "--api-key", FakeOlyx.KEY), args);
    }

    @Test
    void a503WithRetryAfterIsRetriedAfterTheAskedWaitUnderOneIdempotencyKey() {
        server.on("POST", "/api/v1/traces",
                Answer.json(503, "{\"error\":\"busy\",\"code\":\"unavailable\"}").header("Retry-After", "2"),
                Answer.json(503, "{\"error\":\"busy\",\"code\":\"unavailable\"}").header("Retry-After", "3"),
                Answer.json(201, TRACE));

        Result result = run("trace", "create", "-m", "feature=support");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("0197a3c4-trace\n");
        List<Recorded> posts = server.requests("POST", "/api/v1/traces");
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting(r -> r.header("Idempotency-Key").orElseThrow()).containsOnly(
                posts.get(0).header("Idempotency-Key").orElseThrow());
        assertThat(posts.get(0).header("Idempotency-Key").orElseThrow()).startsWith("trace-create-");
        assertThat(cli.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(result.err()).contains("HTTP 503", "retry 1/4", "retry 2/4");
    }

    @Test
    void everyRequestCarriesTheSeedHeadersAndThePolicyIsFetchedFirst() {
        server.on("POST", "/api/v1/traces", Answer.json(201, TRACE));

        assertThat(run("trace", "create").exit()).isZero();

        List<Recorded> requests = server.requests();
        assertThat(requests).extracting(Recorded::path).containsExactly("/api/v1/config", "/api/v1/traces");
        for (Recorded request : requests) {
            assertThat(request.header("Authorization")).contains("Bearer " + FakeOlyx.KEY);
            assertThat(request.header("Accept")).contains("application/json");
            assertThat(request.header("Content-Type")).contains("application/json");
            assertThat(request.header("User-Agent").orElseThrow()).startsWith("olyx-cli/");
        }
        assertThat(requests.get(1).body()).contains("\"distribution_channel\":\"cli\"", "\"source\":\"olyx-cli\"");
    }

    @ParameterizedTest
    @CsvSource({"400, 5", "401, 3", "403, 3", "404, 4", "422, 5"})
    void clientErrorsAreNeverRetried(int status, int exit) {
        server.on("POST", "/api/v1/traces", Answer.json(status,
                "{\"error\":\"no\",\"code\":\"c" + status + "\",\"request_id\":\"req_1\"}"));

        Result result = run("trace", "create");

        assertThat(result.exit()).as(result.toString()).isEqualTo(exit);
        assertThat(server.requests("POST", "/api/v1/traces")).hasSize(1);
        assertThat(cli.sleeps()).isEmpty();
        assertThat(result.err()).contains("HTTP " + status, "c" + status, "req_1");
    }

    @Test
    void aTimedOutExecutionIsSentAgainWithTheSameIdempotencyKey() {
        server.on("POST", "/api/v1/executions",
                Answer.json(200, "{\"output\":\"too late\"}").after(Duration.ofSeconds(3)),
                Answer.json(200, "{\"output\":\"Bonjour\",\"model\":\"m\",\"step_id\":4}"));

        Result result = run("--timeout", "300ms", "exec", "--trace-id", "t-1", "Translate: hello");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Bonjour\n");
        List<Recorded> posts = server.requests("POST", "/api/v1/executions");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).header("Idempotency-Key")).isEqualTo(posts.get(1).header("Idempotency-Key"));
        assertThat(posts.get(0).header("Idempotency-Key").orElseThrow()).startsWith("exec-");
        assertThat(result.err()).contains("timed out");
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesExitsSeven() {
        server.on("POST", "/api/v1/checks", Answer.json(429, "{\"error\":\"slow down\",\"code\":\"rate_limited\"}")
                .header("Retry-After", "1"));

        Result result = run("--retries", "2", "check", "--trace-id", "t-1", "hello");

        assertThat(result.exit()).as(result.toString()).isEqualTo(7);
        List<Recorded> checks = server.requests("POST", "/api/v1/checks");
        assertThat(checks).hasSize(3);
        assertThat(checks).extracting(r -> r.header("Idempotency-Key").orElseThrow())
                .containsOnly(checks.get(0).header("Idempotency-Key").orElseThrow());
        assertThat(cli.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterBeyondAMinuteIsReportedInsteadOfWaitedFor() {
        server.on("POST", "/api/v1/traces", Answer.json(429, "{\"error\":\"spend cap\",\"code\":\"spend_limited\"}")
                .header("Retry-After", "3600"));

        Result result = run("trace", "create");

        assertThat(result.exit()).isEqualTo(7);
        assertThat(server.requests("POST", "/api/v1/traces")).hasSize(1);
        assertThat(cli.sleeps()).isEmpty();
        assertThat(result.err()).contains("spend cap", "Retry-After: 3600");
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesAndServerErrorsEndWithExitEight() {
        server.on("GET", "/api/v1/traces/t-1", Answer.json(502, "{\"error\":\"bad gateway\"}"));

        Result result = run("trace", "get", "t-1");

        assertThat(result.exit()).isEqualTo(8);
        assertThat(server.requests("GET", "/api/v1/traces/t-1")).hasSize(5);
        assertThat(cli.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void aConflictIsRetriedOnlyWhenAnIdempotencyKeyMakesItSafe() {
        server.on("PATCH", "/api/v1/traces/t-1/complete",
                Answer.json(409, "{\"error\":\"in progress\",\"code\":\"idempotency_in_progress\"}"),
                Answer.json(200, "{\"id\":\"t-1\",\"status\":\"completed\",\"optimization_grade\":\"A\"}"));
        server.on("POST", "/api/v1/projects/1/models",
                Answer.json(409, "{\"error\":\"exists\",\"code\":\"duplicate_identifier\"}"));

        Result completed = run("trace", "complete", "t-1");
        Result duplicate = cli.run("--url", server.url(), "--session-token", "ses_token", "models", "add",
                "--project-id", "1", "--identifier", "gpt-4o", "--provider", "openai");

        assertThat(completed.exit()).as(completed.toString()).isZero();
        assertThat(completed.out()).contains("status: completed", "optimization_grade: A");
        List<Recorded> patches = server.requests("PATCH", "/api/v1/traces/t-1/complete");
        assertThat(patches).hasSize(2);
        assertThat(patches.get(0).header("Idempotency-Key").orElseThrow()).startsWith("trace-complete-t-1-")
                .isEqualTo(patches.get(1).header("Idempotency-Key").orElseThrow());
        assertThat(patches.get(0).body()).as("seed 002: no request body is required").isEmpty();
        assertThat(duplicate.exit()).isEqualTo(6);
        assertThat(server.requests("POST", "/api/v1/projects/1/models")).hasSize(1);
    }

    @Test
    void anUnreachableServerIsRetriedThenTheCommandFailsClosed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = cli.run("--url", "http://127.0.0.1:" + closedPort, "--api-key", FakeOlyx.KEY,
                "trace", "create");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(cli.sleeps()).hasSize(4);
        assertThat(result.err()).contains("connection refused", "cannot fetch the project policy", "failing closed");
    }

    @Test
    void aFailedImplicitTraceIsMarkedFailed() {
        server.on("POST", "/api/v1/traces", Answer.json(201, TRACE));
        server.on("POST", "/api/v1/executions", Answer.json(500, "{\"error\":\"boom\",\"code\":\"internal_error\"}"));
        server.on("PATCH", "/api/v1/traces/0197a3c4-trace/complete", Answer.json(200, "{\"status\":\"failed\"}"));

        Result result = run("--retries", "0", "exec", "hello");

        assertThat(result.exit()).isEqualTo(8);
        assertThat(server.requests("PATCH", "/api/v1/traces/0197a3c4-trace/complete"))
                .singleElement().extracting(Recorded::body).isEqualTo("{\"status\":\"failed\"}");
        assertThat(result.err()).contains("opened trace 0197a3c4-trace", "boom");
    }
}
