package io.olyx.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.bootstrap.cli.CliHarness.Result;
import io.olyx.bootstrap.cli.FakeOlyx.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 002 "Fail closed when": each condition stops the command before any work is sent. */
class CliFailClosedTest {
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
    void withoutAnApiKeyNothingIsSent() {
        Result result = cli.run("--url", server.url(), "trace", "create");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("no API key", "OLYX_API_KEY", "failing closed");
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ses_0123456789", "ak_missing_secret", "ak_abc.def ghi", "Bearer ak_a.b"})
    void aMalformedApiKeyIsRefusedBeforeAnyRequest(String key) {
        Result result = cli.run("--url", server.url(), "--api-key", key, "config");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("malformed");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theUrlAndKeyComeFromTheEnvironmentWhenNotGiven() {
        CliHarness fromEnv = CliHarness.withEnv(Map.of("OLYX_URL", server.url(), "OLYX_API_KEY", FakeOlyx.KEY));

        Result result = fromEnv.run("config");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("distribution.telemetry_mode: public", "guardrails.max_input_length: 10000",
                "a_field_from_the_future.ignored: true");
    }

    @Test
    void anUnknownTelemetryModeStopsTheCommandAndAsksForAnUpgrade() {
        server.config(FakeOlyx.policy("raw_everything", false, 10000));

        Result result = run("trace", "create");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("distribution.telemetry_mode", "raw_everything", "upgrade the CLI");
        assertThat(server.requests("POST", "/api/v1/traces")).isEmpty();
    }

    @Test
    void aPolicyWithoutTheRequiredFieldsFailsClosed() {
        server.config("{\"distribution\": {\"telemetry_mode\": \"public\"}}");

        Result result = run("config");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("local_ref_required");
    }

    @Test
    void aRequiredLocalRefMustBeGivenBeforeATraceIsCreated() {
        server.config(FakeOlyx.policy("anonymized", true, 10000));
        server.on("POST", "/api/v1/traces", Answer.json(201, "{\"id\":\"t-1\",\"status\":\"pending\"}"));

        Result refused = run("trace", "create");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--local-ref");
        assertThat(server.requests("POST", "/api/v1/traces")).isEmpty();

        Result created = run("trace", "create", "--local-ref", "s3://bucket/run-1");
        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(server.requests("POST", "/api/v1/traces")).singleElement()
                .satisfies(post -> assertThat(post.body()).contains("\"local_ref\":\"s3://bucket/run-1\""));
    }

    @Test
    void inputOverTheGuardrailLimitIsNeverSent() {
        server.config(FakeOlyx.policy("public", false, 10));

        Result exec = run("exec", "this input is longer than ten characters");
        Result check = cli.withStdin("also far too long for the limit\n").run("--url", server.url(), "--api-key",
                FakeOlyx.KEY, "check", "--trace-id", "t-1", "-");

        assertThat(exec.exit()).isEqualTo(2);
        assertThat(exec.err()).contains("max_input_length of 10");
        assertThat(check.exit()).isEqualTo(2);
        assertThat(server.requests()).extracting(FakeOlyx.Recorded::path).containsOnly("/api/v1/config");
    }

    @Test
    void aRejectedKeyIsAnAuthFailureAndIsNotRetried() {
        server.on("GET", "/api/v1/config", Answer.json(401, "{\"error\":\"Unauthorized\",\"code\":\"unauthorized\"}"));

        Result result = run("trace", "list");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(server.requests()).hasSize(1);
        assertThat(result.err()).contains("Unauthorized");
    }

    @Test
    void aPolicyThatKeepsFailingToLoadFailsClosed() {
        server.on("GET", "/api/v1/config", Answer.json(500, "{\"error\":\"db down\"}"));

        Result result = run("--retries", "1", "trace", "list");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(server.requests()).hasSize(2);
        assertThat(result.err()).contains("db down", "failing closed");
    }

    @Test
    void withJsonErrorsAreTheServersErrorDocumentOnStderr() {
        String error = "{\"error\":\"Trace not found\",\"code\":\"not_found\",\"request_id\":\"req_9\"}";
        server.on("GET", "/api/v1/traces/t-404", Answer.json(404, error));

        Result result = run("--json", "trace", "get", "t-404");

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo(error);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("trace", "create", "--no-such-option").exit()).isEqualTo(1);
        assertThat(run("trace", "complete", "t-1", "--status", "done").exit()).isEqualTo(1);
        assertThat(run("trace", "create", "-m", "bad key=1").exit()).isEqualTo(1);
        assertThat(run("trace", "create", "--metadata", "[1,2]").exit()).isEqualTo(1);
        assertThat(run("--timeout", "soon", "config").exit()).isEqualTo(1);
        assertThat(cli.run("--url", "ftp://example.com", "--api-key", FakeOlyx.KEY, "config").exit()).isEqualTo(1);
        assertThat(server.requests("POST", "/api/v1/traces")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} junk", "{\"a\":1}{\"b\":2}", "{\"a\":1},"})
    void metadataWithTextAfterTheObjectIsRefusedAsTheServerWould(String metadata) {
        Result result = run("--json", "trace", "create", "--metadata", metadata);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("{\"error\":\"--metadata must be a JSON object\",\"code\":\"usage\"}");
        assertThat(server.requests("POST", "/api/v1/traces")).isEmpty();
    }

    @Test
    void withJsonOptionParserErrorsAreJsonUsageErrors() {
        List<Result> results = List.of(run("--json", "trace", "create", "--revenue", "abc"),
                run("trace", "create", "--no-such-option", "--json"), run("--json", "--timeout", "xyz", "config"));

        assertThat(results).allSatisfy(result -> {
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(Json.parse(result.err()).orElseThrow().path("code").asText()).isEqualTo("usage");
            assertThat(result.err()).doesNotContain("Usage:");
        });
        assertThat(results.get(0).err()).contains("--revenue");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void withoutJsonOptionParserErrorsShowTheUsage() {
        Result result = run("trace", "create", "--revenue", "abc");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("--revenue", "Usage:");
    }

    @Test
    void helpAndVersionAnswerEverywhere() {
        Result help = cli.run("--help");
        Result subHelp = cli.run("replay", "wait", "--help");
        Result version = cli.run("--version");
        Result bare = cli.run("trace");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("config", "trace", "replay", "exec", "login", "Exit codes:");
        assertThat(subHelp.exit()).isZero();
        assertThat(subHelp.out()).contains("JOB_ID", "--max-wait");
        assertThat(version.out()).startsWith("olyx-cli/");
        assertThat(bare.exit()).isEqualTo(1);
        assertThat(bare.err()).contains("create", "complete", "get", "list");
    }
}
