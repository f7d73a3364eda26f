package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "exec", description = {"Run a model call through the gateway and print its output.",
        "POST /api/v1/executions; with --stream POST /api/v1/executions/stream, printing tokens as they arrive.",
        "Exit 10 when a guardrail blocks the call."})
final class ExecCommand extends ApiCommand {
    @Mixin
    InputText input;

    @Mixin
    TraceTarget trace;

    @Option(names = "--stream", description = "stream the answer as it is generated")
    boolean stream;

    @Mixin
    IdempotencyOption idempotency;

    @Override
    Exit run(CliContext cli) {
        if (stream && idempotency.given()) {
            throw CliFailure.usage("--idempotency-key does not apply to --stream (a stream cannot be replayed)");
        }
        ProtocolSession session = cli.protocol();
        String text = input.readWithin(session.policy(), cli.runtime());
        String key = idempotency.orElse(() -> IdempotencyKeys.fresh("exec"));
        return trace.run(session, cli.output(), "exec", traceId -> stream
                ? ExecStream.print(session.api(), cli.output(), traceId, text)
                : execute(session.api(), cli.output(), traceId, text, key));
    }

    private static Exit execute(OlyxApi api, Output output, String traceId, String text, String key) {
        JsonNode answer = api.post("/api/v1/executions", Map.of("trace_id", traceId, "input", text), Optional.of(key));
        String status = answer.path("status").asText("");
        output.result(answer, out -> {
            if (answer.has("output")) {
                out.println(answer.path("output").asText());
            } else if (status.equals("tool_calls_pending")) {
                out.println("tool calls pending (step " + answer.path("step_id").asText() + "):");
                Output.rows(out, answer.path("tool_calls"), "id", "name", "arguments");
            }
        });
        if (status.equals("blocked")) {
            output.note("blocked: " + answer.path("reason").asText() + " (step " + answer.path("step_id").asText() + ")");
            return Exit.BLOCKED;
        }
        return Exit.OK;
    }
}
