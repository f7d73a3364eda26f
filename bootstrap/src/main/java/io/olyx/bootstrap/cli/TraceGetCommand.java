package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Show a trace with its summary and steps (GET /api/v1/traces/{id}).")
final class TraceGetCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "TRACE_ID")
    String traceId;

    @Override
    Exit run(CliContext cli) {
        String path = "/api/v1/traces/" + UrlParts.segment(Traces.checkedId(traceId));
        JsonNode trace = cli.protocol().api().get(path);
        cli.output().result(trace, out -> {
            ObjectNode withoutSteps = trace.deepCopy();
            withoutSteps.remove("steps");
            Output.fields(out, withoutSteps);
            out.println("steps:");
            Output.rows(out, trace.path("steps"), "id", "type", "status", "model", "cost");
        });
        return Exit.OK;
    }
}
