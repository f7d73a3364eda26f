package io.olyx.adapter.http.project;

import io.olyx.adapter.http.MoneyJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.project.CreateProject;
import io.olyx.application.project.DeleteProject;
import io.olyx.application.project.ProjectQueries;
import io.olyx.application.project.ProjectQueries.ProjectView;
import io.olyx.application.project.UpdateProject;
import io.olyx.domain.account.Account;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectChanges;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Seed 001 "Projects": session credentials; create and delete need admin or owner. */
public final class ProjectRoutes {
    private final CreateProject createProject;
    private final UpdateProject updateProject;
    private final DeleteProject deleteProject;
    private final ProjectQueries queries;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public ProjectRoutes(CreateProject createProject, UpdateProject updateProject, DeleteProject deleteProject,
                         ProjectQueries queries, Authenticator auth, Idempotency idempotency) {
        this.createProject = createProject;
        this.updateProject = updateProject;
        this.deleteProject = deleteProject;
        this.queries = queries;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.get("/api/v1/projects", this::list);
        app.post("/api/v1/projects", idempotency.wrap(auth::accountScope, this::create));
        app.get("/api/v1/projects/{project_id}", this::get);
        app.patch("/api/v1/projects/{project_id}", this::update);
        app.delete("/api/v1/projects/{project_id}", this::delete);
    }

    public static Map<String, Object> json(Project p, BigDecimal monthlySpend) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id().value());
        json.put("name", p.name());
        json.put("description", p.description());
        json.put("status", p.status().wire());
        json.put("settings", p.settings().values());
        json.put("total_monthly_spend", MoneyJson.amount(monthlySpend));
        json.put("created_at", p.createdAt().toString());
        json.put("updated_at", p.updatedAt().toString());
        return json;
    }

    private static Map<String, Object> json(ProjectView view) {
        return json(view.project(), view.totalMonthlySpend());
    }

    private void list(Context ctx) {
        auth.requireSession(ctx);
        ctx.json(queries.list().stream().map(ProjectRoutes::json).toList());
    }

    private void get(Context ctx) {
        auth.requireSession(ctx);
        ProjectId id = PathParams.id(ctx, "project_id", ProjectId::parse, "Project");
        ctx.json(json(queries.get(id).orElseThrow(() -> ApiError.notFound("Project"))));
    }

    private void create(Context ctx) {
        Account actor = auth.requireSession(ctx);
        JsonBody body = JsonBody.of(ctx).unwrap("project");
        var command = new CreateProject.Command(body.requireString("name"), body.string("description"),
                status(body), body.object("settings"));
        Project project = createProject.create(command, actor, Authenticator.origin(ctx))
                .orElseThrow(() -> ApiError.forbidden("Creating projects needs the admin or owner role"));
        ctx.status(201).json(json(project, BigDecimal.ZERO));
    }

    private void update(Context ctx) {
        Account actor = auth.requireSession(ctx);
        ProjectId id = PathParams.id(ctx, "project_id", ProjectId::parse, "Project");
        JsonBody body = JsonBody.of(ctx).unwrap("project");
        // null is RFC 7396's "remove": a description is removed to the empty one a project starts with, while a
        // project always has a name and a status, so those are never null
        Optional<String> description = body.has("description")
                ? Optional.of(body.string("description").orElse("")) : Optional.empty();
        var changes = new ProjectChanges(body.nonNullString("name"), description, status(body.nonNullString("status")),
                body.object("settings"));
        changes.name().ifPresent(Project::validateName);
        switch (updateProject.update(id, changes, actor, Authenticator.origin(ctx))) {
            case UpdateProject.Result.Updated updated ->
                    ctx.json(json(queries.get(updated.project().id()).orElseThrow()));
            case UpdateProject.Result.NotFound notFound -> throw ApiError.notFound("Project");
            case UpdateProject.Result.Forbidden forbidden ->
                    throw ApiError.forbidden("Changing projects needs the admin or owner role");
        }
    }

    private static Optional<ProjectStatus> status(JsonBody body) {
        return status(body.string("status"));
    }

    private static Optional<ProjectStatus> status(Optional<String> status) {
        return status.map(s -> ProjectStatus.parse(s)
                .orElseThrow(() -> ApiError.invalid("status must be active or archived")));
    }

    private void delete(Context ctx) {
        Account actor = auth.requireSession(ctx);
        ProjectId id = PathParams.id(ctx, "project_id", ProjectId::parse, "Project");
        switch (deleteProject.delete(id, actor, Authenticator.origin(ctx))) {
            case DELETED -> ctx.status(204);
            case NOT_FOUND -> throw ApiError.notFound("Project");
            case FORBIDDEN -> throw ApiError.forbidden("Deleting projects needs the admin or owner role");
        }
    }
}
