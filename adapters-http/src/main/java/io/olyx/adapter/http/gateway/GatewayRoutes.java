package io.olyx.adapter.http.gateway;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.gateway.ManageGateways;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayId;
import io.olyx.domain.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 003 "AI gateways": /api/v1/ai-gateways, camelCase as AIVAX writes it. The {@code parameters} object is kept
 * whole; fields Olyx does not act on are stored and returned unchanged (docs/api.md lists them).
 */
public final class GatewayRoutes {
    private final ManageGateways gateways;
    private final Authenticator auth;

    public GatewayRoutes(ManageGateways gateways, Authenticator auth) {
        this.gateways = gateways;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.post("/api/v1/ai-gateways", this::create);
        app.get("/api/v1/ai-gateways", this::list);
        app.get("/api/v1/ai-gateways/{id}", this::view);
        app.patch("/api/v1/ai-gateways/{id}", this::edit);
        app.delete("/api/v1/ai-gateways/{id}", this::delete);
    }

    private void create(Context ctx) {
        ProjectId project = auth.requireKey(ctx).projectId();
        JsonBody body = JsonBody.of(ctx);
        Map<String, Object> parameters = body.object("parameters")
                .orElseThrow(() -> ApiError.invalid("parameters is required"));
        Gateway created = saved(gateways.create(project, body.requireString("name"), parameters));
        ctx.json(Map.of("aiGatewayId", created.id().toString()));
    }

    private void list(Context ctx) {
        ProjectId project = auth.requireKey(ctx).projectId();
        String endpoint = ctx.scheme() + "://" + ctx.host() + "/v1/chat/completions";
        ctx.json(gateways.list(project, PathParams.query(ctx, "filter")).stream().map(g -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", g.id().toString());
            item.put("name", g.name());
            item.put("inferenceEndpoint", endpoint);
            item.put("modelName", g.parameters().modelName());
            item.put("slug", g.slug());
            return item;
        }).toList());
    }

    private void view(Context ctx) {
        ProjectId project = auth.requireKey(ctx).projectId();
        ctx.json(view(gateways.get(project, id(ctx)).orElseThrow(() -> ApiError.notFound("AI gateway"))));
    }

    private void edit(Context ctx) {
        ProjectId project = auth.requireKey(ctx).projectId();
        GatewayId id = id(ctx);
        JsonBody body = JsonBody.of(ctx);
        // a gateway always has a name and parameters: null (merge patch's "remove") is refused, not ignored
        ctx.json(view(saved(gateways.edit(project, id, body.nonNullString("name"),
                body.nonNullObject("parameters")))));
    }

    private void delete(Context ctx) {
        ProjectId project = auth.requireKey(ctx).projectId();
        GatewayId id = id(ctx);
        if (!gateways.delete(project, id)) {
            throw ApiError.notFound("AI gateway");
        }
        ctx.json(Map.of("aiGatewayId", id.toString()));
    }

    private static Gateway saved(ManageGateways.Result result) {
        return switch (result) {
            case ManageGateways.Result.Saved saved -> saved.gateway();
            case ManageGateways.Result.NotFound notFound -> throw ApiError.notFound("AI gateway");
            case ManageGateways.Result.UnknownModel unknown -> throw ApiError.of(422, "unknown_model", "Model \""
                    + unknown.modelName() + "\" is not registered in this project").with("field", "parameters");
        };
    }

    private static Map<String, Object> view(Gateway g) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", g.id().toString());
        json.put("name", g.name());
        json.put("slug", g.slug());
        json.put("parameters", g.parameters().document());
        json.put("createdAt", g.createdAt().toString());
        json.put("updatedAt", g.updatedAt().toString());
        return json;
    }

    private static GatewayId id(Context ctx) {
        return PathParams.id(ctx, "id", GatewayId::parse, "AI gateway");
    }
}
