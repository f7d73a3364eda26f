package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", description = {"Run the safety checks on an input without a model call (POST /api/v1/checks).",
        "Exit 0 when allowed, 10 when blocked (a normal decision, so scripts can gate on it)."})
final class CheckCommand extends ApiCommand {
    @Mixin
    InputText input;

    @Mixin
    TraceTarget trace;

    @Mixin
    IdempotencyOption idempotency;

    @Override
    Exit run(CliContext cli) {
        ProtocolSession session = cli.protocol();
        String text = input.readWithin(session.policy(), cli.runtime());
        String key = idempotency.orElse(() -> IdempotencyKeys.fresh("check"));
        return trace.run(session, cli.output(), "check", traceId -> {
            JsonNode result = session.api().post("/api/v1/checks", Map.of("trace_id", traceId, "input", text),
                    Optional.of(key));
            cli.output().result(result, out -> Output.fields(out, result));
            if (result.path("allowed").asBoolean(false)) {
                return Exit.OK;
            }
            cli.output().note("blocked: " + result.path("reason").asText("not allowed"));
            return Exit.BLOCKED;
        });
    }
}
