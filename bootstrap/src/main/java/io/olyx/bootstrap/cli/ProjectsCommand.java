package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "projects", description = "List and create projects (needs a session token).")
final class ProjectsCommand extends GroupCommand {
    @Command(name = "list", description = "List projects (GET /api/v1/projects).")
    int list() {
        return run(cli -> {
            JsonNode projects = cli.admin().get("/api/v1/projects");
            cli.output().result(projects, out -> Output.rows(out, projects, "id", "name", "status"));
            return Exit.OK;
        });
    }

    @Command(name = "create", description = "Create a project (POST /api/v1/projects); prints its id.")
    int create(@Option(names = "--name", paramLabel = "NAME", required = true) String name,
               @Option(names = "--description", paramLabel = "TEXT") String description) {
        return run(cli -> {
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("name", name);
            Optional.ofNullable(description).ifPresent(d -> project.put("description", d));
            JsonNode created = cli.admin().post("/api/v1/projects", Map.of("project", project),
                    Optional.of(IdempotencyKeys.fresh("project-create")));
            cli.output().result(created, out -> out.println(created.path("id").asText()));
            return Exit.OK;
        });
    }
}
