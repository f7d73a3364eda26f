package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The trace an exec or check records its step on: --trace-id, or else a trace opened for this one command and
 * ended after it (completed, or failed when the command failed), as the seed 002 lifecycle has it.
 */
final class TraceTarget {
    @Option(names = "--trace-id", paramLabel = "ID", description = "record the step on this pending trace "
            + "(default: open a trace for this command and complete it afterwards)")
    String traceId;

    @Option(names = "--local-ref", paramLabel = "REF",
            description = "customer-side reference for the trace opened here (required when policy says so)")
    String localRef;

    Exit run(ProtocolSession session, Output output, String feature, Function<String, Exit> work) {
        if (traceId != null) {
            if (localRef != null) {
                throw CliFailure.usage("--local-ref applies to the trace opened here, not to an existing --trace-id");
            }
            return work.apply(Traces.checkedId(traceId));
        }
        JsonNode created = Traces.create(session, TraceDraft.implicit(feature, Optional.ofNullable(localRef)),
                IdempotencyKeys.fresh("trace-create"));
        String opened = created.path("id").asText();
        output.note("opened trace " + opened);
        Exit exit;
        try {
            exit = work.apply(opened);
        } catch (CliFailure failure) {
            endAfterFailure(session, output, opened);
            throw failure;
        }
        Traces.end(session, opened, Optional.empty(), IdempotencyKeys.completion(opened));
        return exit;
    }

    /** The command's own failure is what the user needs to see; a failed close is only mentioned. */
    private static void endAfterFailure(ProtocolSession session, Output output, String trace) {
        try {
            Traces.end(session, trace, Optional.of("failed"), IdempotencyKeys.completion(trace));
        } catch (CliFailure alsoFailed) {
            output.note("could not mark trace " + trace + " failed: " + alsoFailed.getMessage());
        }
    }
}
