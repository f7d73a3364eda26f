package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "keys", description = "List, create and revoke project API keys (needs a session token).")
final class KeysCommand extends GroupCommand {
    @Command(name = "list", description = "List API keys (GET /api/v1/keys).")
    int list(@Option(names = "--project-id", paramLabel = "ID", description = "only this project's keys")
             Long projectId) {
        return run(cli -> {
            JsonNode keys = cli.admin().get("/api/v1/keys"
                    + UrlParts.query(Map.<String, Optional<?>>of("project_id", Optional.ofNullable(projectId))));
            cli.output().result(keys, out -> Output.rows(out, keys, "id", "status", "project.id", "name", "masked"));
            return Exit.OK;
        });
    }

    @Command(name = "create", description = "Create an API key (POST /api/v1/keys); prints the raw key, shown once.")
    int create(@Option(names = "--project-id", paramLabel = "ID", required = true) long projectId,
               @Option(names = "--name", paramLabel = "NAME", required = true) String name,
               @Option(names = "--hourly-limit", paramLabel = "USD", description = "hourly spend cap") BigDecimal limit,
               @Option(names = "--expires-at", paramLabel = "ISO-8601") String expiresAt) {
        return run(cli -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("project_id", projectId);
            Optional.ofNullable(limit).ifPresent(l -> body.put("hourly_limit", l));
            Optional.ofNullable(expiresAt).ifPresent(e -> body.put("expires_at", e));
            JsonNode key = cli.admin().post("/api/v1/keys", body, Optional.of(IdempotencyKeys.fresh("key-create")));
            cli.output().result(key, out -> out.println(key.path("raw_key").asText()));
            return Exit.OK;
        });
    }

    @Command(name = "revoke", description = "Revoke an API key (DELETE /api/v1/keys/{id}).")
    int revoke(@Parameters(paramLabel = "KEY_ID") String keyId) {
        return run(cli -> {
            JsonNode key = cli.admin().delete("/api/v1/keys/" + UrlParts.segment(OpaqueId.checked("key", keyId)));
            cli.output().result(key, out -> out.println(key.path("id").asText() + "\t" + key.path("status").asText()));
            return Exit.OK;
        });
    }
}
