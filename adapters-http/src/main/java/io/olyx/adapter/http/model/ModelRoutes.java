package io.olyx.adapter.http.model;

import io.olyx.adapter.http.MoneyJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.model.ManageModels;
import io.olyx.application.model.ModelDraft;
import io.olyx.domain.account.Account;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.model.ModelChanges;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.ModelId;
import io.olyx.domain.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seed 001 "Model Registry". The provider api_key goes in, is sealed, and never comes out: has_api_key only. */
public final class ModelRoutes {
    private static final String PROVIDERS = "openai, anthropic, gemini, bedrock, azure, internal or sandbox";

    private final ManageModels models;
    private final Authenticator auth;

    public ModelRoutes(ManageModels models, Authenticator auth) {
        this.models = models;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.get("/api/v1/projects/{project_id}/models", this::list);
        app.post("/api/v1/projects/{project_id}/models", this::create);
        app.get("/api/v1/projects/{project_id}/models/{model_id}", this::get);
        app.patch("/api/v1/projects/{project_id}/models/{model_id}", this::update);
        app.delete("/api/v1/projects/{project_id}/models/{model_id}", this::delete);
    }

    private void list(Context ctx) {
        auth.requireSession(ctx);
        ctx.json(models.list(projectId(ctx)).orElseThrow(() -> ApiError.notFound("Project")).stream()
                .map(ModelRoutes::json).toList());
    }

    private void get(Context ctx) {
        auth.requireSession(ctx);
        ctx.json(json(models.get(projectId(ctx), modelId(ctx)).orElseThrow(() -> ApiError.notFound("Model"))));
    }

    private void create(Context ctx) {
        Account actor = auth.requireSession(ctx);
        JsonBody body = JsonBody.of(ctx).unwrap("model_definition");
        ModelDraft draft = new ModelDraft(body.string("name"), body.requireString("identifier"),
                provider(body.requireString("provider")), body.string("base_url"), body.string("api_key"),
                body.bool("is_public"), body.nonNullDecimal("input_cost_per_1k"), body.nonNullDecimal("output_cost_per_1k"),
                body.integer("data_retention_days"), body.string("region_restriction"), body.string("currency"),
                body.object("additional_config"));
        answer(ctx, models.register(projectId(ctx), draft, actor, Authenticator.origin(ctx)), 201);
    }

    private void update(Context ctx) {
        Account actor = auth.requireSession(ctx);
        JsonBody body = JsonBody.of(ctx).unwrap("model_definition");
        ModelChanges changes = new ModelChanges(body.string("name"), body.string("identifier"),
                body.string("provider").map(ModelRoutes::provider), body.nullableString("base_url"),
                body.nullableString("api_key").map(key -> key.flatMap(models::seal)), body.bool("is_public"),
                body.nonNullDecimal("input_cost_per_1k"), body.nonNullDecimal("output_cost_per_1k"),
                body.integer("data_retention_days"), body.string("region_restriction"), body.string("currency"),
                body.object("additional_config"));
        answer(ctx, models.update(projectId(ctx), modelId(ctx), changes, actor, Authenticator.origin(ctx)), 200);
    }

    private void delete(Context ctx) {
        Account actor = auth.requireSession(ctx);
        answer(ctx, models.remove(projectId(ctx), modelId(ctx), actor, Authenticator.origin(ctx)), 200);
    }

    private static void answer(Context ctx, ManageModels.Result result, int status) {
        switch (result) {
            case ManageModels.Result.Saved saved -> ctx.status(status).json(json(saved.model()));
            case ManageModels.Result.NotFound notFound -> throw ApiError.notFound("Model or project");
            case ManageModels.Result.DuplicateIdentifier dup -> throw ApiError.conflict("duplicate_identifier",
                    "A model with identifier \"" + dup.identifier() + "\" already exists in this project");
            case ManageModels.Result.Forbidden forbidden ->
                    throw ApiError.forbidden("Changing the model registry needs the admin or owner role");
        }
    }

    private static ProviderKind provider(String wire) {
        return ProviderKind.parse(wire).orElseThrow(() -> ApiError.invalid("provider must be " + PROVIDERS));
    }

    private static ProjectId projectId(Context ctx) {
        return PathParams.id(ctx, "project_id", ProjectId::parse, "Project");
    }

    private static ModelId modelId(Context ctx) {
        return PathParams.id(ctx, "model_id", ModelId::parse, "Model");
    }

    static Map<String, Object> json(ModelDefinition m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id().value());
        json.put("project_id", m.projectId().value());
        json.put("name", m.name());
        json.put("identifier", m.identifier());
        json.put("provider", m.provider().wire());
        json.put("base_url", m.baseUrl().orElse(null));
        json.put("has_api_key", m.apiKey().isPresent());
        json.put("is_public", m.isPublic());
        json.put("input_cost_per_1k", MoneyJson.amount(m.pricing().inputPer1k()));
        json.put("output_cost_per_1k", MoneyJson.amount(m.pricing().outputPer1k()));
        json.put("data_retention_days", m.dataRetentionDays());
        json.put("region_restriction", m.regionRestriction());
        json.put("currency", m.currency());
        json.put("additional_config", m.additionalConfig());
        json.put("fallback_identifier", m.fallbackIdentifier().orElse(null));
        json.put("created_at", m.createdAt().toString());
        json.put("updated_at", m.updatedAt().toString());
        return json;
    }
}
