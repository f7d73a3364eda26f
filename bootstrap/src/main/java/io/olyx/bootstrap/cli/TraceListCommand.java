package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List the project's traces, newest first (GET /api/v1/traces).")
final class TraceListCommand extends ApiCommand {
    @Option(names = "--status", paramLabel = "STATUS", description = "only pending, completed, failed, canceled...")
    String status;

    @Option(names = "--page", paramLabel = "N")
    Integer page;

    @Option(names = "--per-page", paramLabel = "N", description = "at most 100")
    Integer perPage;

    @Override
    Exit run(CliContext cli) {
        Map<String, Optional<?>> query = new LinkedHashMap<>();
        query.put("status", Optional.ofNullable(status));
        query.put("page", Optional.ofNullable(page));
        query.put("per_page", Optional.ofNullable(perPage));
        JsonNode list = cli.protocol().api().get("/api/v1/traces" + UrlParts.query(query));
        cli.output().result(list, out -> Output.rows(out, list.path("data"), "id", "status", "created_at"));
        return Exit.OK;
    }
}
