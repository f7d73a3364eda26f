package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "models", description = "List and register a project's models (needs a session token).")
final class ModelsCommand extends GroupCommand {
    @Command(name = "list", description = "List the model registry (GET /api/v1/projects/{id}/models).")
    int list(@Option(names = "--project-id", paramLabel = "ID", required = true) long projectId) {
        return run(cli -> {
            JsonNode models = cli.admin().get("/api/v1/projects/" + projectId + "/models");
            cli.output().result(models, out -> Output.rows(out, models, "id", "identifier", "provider", "name"));
            return Exit.OK;
        });
    }

    @Command(name = "add", description = {"Register a model (POST /api/v1/projects/{id}/models); prints its id.",
            "The provider key is read from the environment variable named by --provider-key-env, never an argument."})
    int add(@Option(names = "--project-id", paramLabel = "ID", required = true) long projectId,
            @Option(names = "--identifier", paramLabel = "ID", required = true) String identifier,
            @Option(names = "--provider", paramLabel = "KIND", required = true,
                    description = "openai, anthropic, gemini, bedrock, azure, sandbox, ...") String provider,
            @Option(names = "--name", paramLabel = "NAME") String name,
            @Option(names = "--base-url", paramLabel = "URL") String baseUrl,
            @Option(names = "--provider-key-env", paramLabel = "VAR") String providerKeyEnv,
            @Option(names = "--input-cost", paramLabel = "USD", description = "per 1k input tokens") BigDecimal in,
            @Option(names = "--output-cost", paramLabel = "USD", description = "per 1k output tokens") BigDecimal out,
            @Option(names = "--fallback", paramLabel = "ID", description = "fallback model identifier") String fallback) {
        return run(cli -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("identifier", identifier);
            model.put("provider", provider);
            Optional.ofNullable(name).ifPresent(v -> model.put("name", v));
            Optional.ofNullable(baseUrl).ifPresent(v -> model.put("base_url", v));
            Optional.ofNullable(providerKeyEnv).ifPresent(v -> model.put("api_key", providerKey(cli, v)));
            Optional.ofNullable(in).ifPresent(v -> model.put("input_cost_per_1k", v));
            Optional.ofNullable(out).ifPresent(v -> model.put("output_cost_per_1k", v));
            Optional.ofNullable(fallback).ifPresent(v -> model.put("additional_config",
                    Map.of("fallback_identifier", v)));
            JsonNode created = cli.admin().post("/api/v1/projects/" + projectId + "/models",
                    Map.of("model_definition", model), Optional.empty());
            cli.output().result(created, w -> w.println(created.path("id").asText()));
            return Exit.OK;
        });
    }

    private static String providerKey(CliContext cli, String variable) {
        return Optional.ofNullable(cli.runtime().env().get(variable)).filter(v -> !v.isBlank())
                .orElseThrow(() -> CliFailure.usage("--provider-key-env names " + variable + ", which is not set"));
    }
}
