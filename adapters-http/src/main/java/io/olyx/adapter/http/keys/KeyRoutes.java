package io.olyx.adapter.http.keys;

import io.olyx.adapter.http.MoneyJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.keys.CreateApiKey;
import io.olyx.application.keys.ManageApiKeys;
import io.olyx.application.keys.ManageApiKeys.KeyView;
import io.olyx.application.project.ProjectQueries;
import io.olyx.domain.account.Account;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyChanges;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Seed 001 "API Keys": session credentials; the raw key appears in the create response only. */
public final class KeyRoutes {
    private final CreateApiKey createKey;
    private final ManageApiKeys keys;
    private final ProjectQueries projects;
    private final Authenticator auth;
    private final Idempotency idempotency;

    public KeyRoutes(CreateApiKey createKey, ManageApiKeys keys, ProjectQueries projects, Authenticator auth,
                     Idempotency idempotency) {
        this.createKey = createKey;
        this.keys = keys;
        this.projects = projects;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.get("/api/v1/keys", this::list);
        app.post("/api/v1/keys", idempotency.wrap(auth::accountScope, this::create));
        app.patch("/api/v1/keys/{key_id}", this::update);
        app.delete("/api/v1/keys/{key_id}", this::revoke);
    }

    private void list(Context ctx) {
        auth.requireSession(ctx);
        ctx.json(keys.list(PathParams.projectQuery(ctx)).stream().map(KeyRoutes::json).toList());
    }

    private void create(Context ctx) {
        Account actor = auth.requireSession(ctx);
        JsonBody body = JsonBody.of(ctx);
        long projectId = body.longValue("project_id").orElseThrow(() -> ApiError.invalid("project_id is required"));
        var command = new CreateApiKey.Command(body.requireString("name"),
                ProjectId.parse(Long.toString(projectId)).orElseThrow(() -> ApiError.notFound("Project")),
                body.decimal("hourly_limit"), body.instant("expires_at"));
        switch (createKey.create(command, actor, Authenticator.origin(ctx))) {
            case CreateApiKey.Result.Created created -> {
                Map<String, Object> json = json(new KeyView(created.key(), KeyStatus.ACTIVE, created.project()));
                json.put("raw_key", created.rawKey());
                ctx.status(201).json(json);
            }
            case CreateApiKey.Result.ProjectNotFound notFound -> throw ApiError.notFound("Project");
            case CreateApiKey.Result.ProjectArchived archived -> throw ApiError.conflict("project_archived",
                    "The project is archived: reactivate it (status active) before creating keys for it");
            case CreateApiKey.Result.Forbidden forbidden ->
                    throw ApiError.forbidden("Creating keys needs the admin or owner role");
        }
    }

    private void update(Context ctx) {
        Account actor = auth.requireSession(ctx);
        ApiKeyId id = keyId(ctx);
        JsonBody body = JsonBody.of(ctx);
        var changes = new KeyChanges(body.string("name"),
                body.string("status").map(s -> KeyStatus.parse(s).orElseThrow(() -> ApiError.invalid(
                        "status must be one of active, tripped, loop_detected, revoked"))),
                body.nullableDecimal("hourly_limit"), body.nullableInstant("expires_at"));
        answer(ctx, keys.update(id, changes, actor, Authenticator.origin(ctx)));
    }

    private void revoke(Context ctx) {
        Account actor = auth.requireSession(ctx);
        answer(ctx, keys.revoke(keyId(ctx), actor, Authenticator.origin(ctx)));
    }

    private void answer(Context ctx, ManageApiKeys.Result result) {
        switch (result) {
            case ManageApiKeys.Result.Updated updated -> ctx.json(json(keys.view(updated.key(),
                    projects.get(updated.key().projectId()).map(ProjectQueries.ProjectView::project).orElseThrow())));
            case ManageApiKeys.Result.NotFound notFound -> throw ApiError.notFound("Key");
            case ManageApiKeys.Result.Forbidden forbidden ->
                    throw ApiError.forbidden("Changing keys needs the admin or owner role");
            case ManageApiKeys.Result.InvalidStatus invalid -> throw ApiError.conflict("invalid_status_change",
                    article(invalid.from().wire()) + " key cannot become " + invalid.to().wire());
            case ManageApiKeys.Result.ExpiryPassed passed -> throw ApiError.conflict("invalid_status_change",
                    "The key expired at " + passed.expiredAt() + ": an expired key cannot be re-activated, so its "
                            + "expires_at cannot be moved");
        }
    }

    /** "An expired", "A revoked": statuses are written as they are on the wire. */
    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "An " : "A ") + word;
    }

    private static ApiKeyId keyId(Context ctx) {
        return PathParams.id(ctx, "key_id",
                s -> ApiKeyId.isWellFormed(s) ? Optional.of(new ApiKeyId(s)) : Optional.empty(), "Key");
    }

    private static Map<String, Object> json(KeyView view) {
        ApiKey key = view.key();
        Project project = view.project();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id().value());
        json.put("name", key.name());
        json.put("masked", key.masked());
        json.put("status", view.status().wire());
        json.put("hourly_limit", MoneyJson.amount(key.hourlyLimit()));
        json.put("project", Map.of("id", project.id().value(), "name", project.name()));
        json.put("expires_at", key.expiresAt().map(Instant::toString).orElse(null));
        json.put("loop_intervention_count", key.loopInterventionCount());
        json.put("last_used", key.lastUsed().map(Instant::toString).orElse(null));
        json.put("created_at", key.createdAt().toString());
        return json;
    }
}
