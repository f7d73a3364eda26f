package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "complete", description = "End a pending trace (PATCH /api/v1/traces/{id}/complete); it is graded.")
final class TraceCompleteCommand extends ApiCommand {
    private static final Set<String> END_STATES = Set.of("completed", "failed", "canceled");

    @Parameters(index = "0", paramLabel = "TRACE_ID")
    String traceId;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "completed, failed or canceled (default: completed, sent without a body)")
    String status;

    @Mixin
    IdempotencyOption idempotency;

    @Override
    Exit run(CliContext cli) {
        String id = Traces.checkedId(traceId);
        if (status != null && !END_STATES.contains(status)) {
            throw CliFailure.usage("--status must be completed, failed or canceled");
        }
        JsonNode trace = Traces.end(cli.protocol(), id, Optional.ofNullable(status),
                idempotency.orElse(() -> IdempotencyKeys.completion(id)));
        cli.output().result(trace, out -> Output.fields(out, trace));
        return Exit.OK;
    }
}
