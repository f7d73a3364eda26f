package io.olyx.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.bootstrap.cli.CliHarness.Result;
import io.olyx.bootstrap.cli.FakeOlyx.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** exec's answer shapes (seed 001) and its event stream, including the failures a real server rarely produces. */
class ExecCommandTest {
    private static final String STREAM = "/api/v1/executions/stream";

    private final FakeOlyx server = FakeOlyx.start();
    private final CliHarness cli = CliHarness.withEnv(Map.of());

    @AfterEach
    void stop() {
        server.close();
    }

    private Result run(String... args) {
        return cli.run(List.of("--url", server.url(), "--api-key", FakeOlyx.KEY), args);
    }

    private static String chunk(String content) {
        return "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content + "\"},\"finish_reason\":null}]}\n\n";
    }

    private static Answer events(String body) {
        return Answer.json(200, body).header("Content-Type", "text/event-stream");
    }

    @Test
    void streamedDeltasArePrintedInOrderAndTheInputIsPostedAsJson() {
        server.on("POST", STREAM, events(": comment\n\n" + chunk("Bon") + chunk("jour") + chunk(" !") + "data: [DONE]\n\n"));

        Result result = run("exec", "--stream", "--trace-id", "t+1", "Translate: hello & goodbye");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Bonjour !" + System.lineSeparator());
        assertThat(server.requests("POST", STREAM)).singleElement().satisfies(request -> {
            assertThat(request.header("Accept")).contains("text/event-stream");
            assertThat(request.header("Idempotency-Key")).isEmpty();
            assertThat(Json.parse(request.body()).orElseThrow()).isEqualTo(Json.valueOf(
                    Map.of("trace_id", "t+1", "input", "Translate: hello & goodbye")));
        });
    }

    @Test
    void withJsonEachChunkIsOneLine() {
        server.on("POST", STREAM, events(chunk("a") + chunk("b") + "data: [DONE]\n\n"));

        Result result = run("--json", "exec", "--stream", "--trace-id", "t-1", "hi");

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"object\""));
    }

    @Test
    void aMidStreamErrorOrAnEarlyEndIsAFailure() {
        server.on("POST", STREAM, events(chunk("Bon")
                + "data: {\"error\":{\"message\":\"provider went away\",\"code\":\"provider_error\"}}\n\n"));
        Result broken = run("exec", "--stream", "--trace-id", "t-1", "hi");
        server.on("POST", STREAM, events(chunk("Bon")));
        Result cut = run("exec", "--stream", "--trace-id", "t-1", "hi");

        assertThat(broken.exit()).isEqualTo(8);
        assertThat(broken.err()).contains("provider went away", "provider_error");
        assertThat(cut.exit()).isEqualTo(8);
        assertThat(cut.err()).contains("before [DONE]");
    }

    @Test
    void aStreamRefusedBeforeItStartsIsRetriedLikeAnyRequest() {
        server.on("POST", STREAM, Answer.json(503, "{\"error\":\"busy\"}").header("Retry-After", "1"),
                events(chunk("ok") + "data: [DONE]\n\n"));

        Result result = run("exec", "--stream", "--trace-id", "t-1", "hi");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("ok");
        assertThat(server.requests("POST", STREAM)).hasSize(2);
    }

    @Test
    void aBlockedExecutionExitsTenAndToolCallsArePrinted() {
        server.on("POST", "/api/v1/executions",
                Answer.json(200, "{\"status\":\"blocked\",\"reason\":\"pii_detected\",\"step_id\":44}"),
                Answer.json(200, "{\"status\":\"tool_calls_pending\",\"step_id\":43,\"tool_calls\":"
                        + "[{\"id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"London\"}}]}"));

        Result blocked = run("exec", "--trace-id", "t-1", "my email is a@b.c");
        Result tools = run("exec", "--trace-id", "t-1", "weather in London?");

        assertThat(blocked.exit()).isEqualTo(10);
        assertThat(blocked.err()).contains("blocked: pii_detected (step 44)");
        assertThat(tools.exit()).isZero();
        assertThat(tools.out()).contains("tool calls pending (step 43)", "call_1\tget_weather\t{\"city\":\"London\"}");
    }

    @Test
    void idempotencyKeysDoNotApplyToStreams() {
        Result result = run("exec", "--stream", "--idempotency-key", "k-1", "--trace-id", "t-1", "hi");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(server.requests()).isEmpty();
    }
}
