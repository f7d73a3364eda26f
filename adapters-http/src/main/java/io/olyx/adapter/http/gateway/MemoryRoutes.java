package io.olyx.adapter.http.gateway;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.gateway.ManageMemories;
import io.olyx.domain.common.Characters;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.MemoryFormat;
import io.olyx.domain.gateway.MemoryId;
import io.olyx.domain.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Seed 003 "Memories": list (filter, format), view, and delete by id or by external user and format. */
public final class MemoryRoutes {
    static final int PREVIEW_CHARS = 120;

    private final ManageMemories memories;
    private final Authenticator auth;

    public MemoryRoutes(ManageMemories memories, Authenticator auth) {
        this.memories = memories;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.get("/api/v1/memories", this::list);
        app.delete("/api/v1/memories", this::delete);
        app.get("/api/v1/memories/{id}", this::get);
    }

    private void list(Context ctx) {
        ProjectId project = auth.requireKey(ctx).projectId();
        Optional<MemoryFormat> format = PathParams.query(ctx, "format").map(MemoryRoutes::format);
        ctx.json(memories.list(project, PathParams.query(ctx, "filter"), format).stream().map(m -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", m.id().toString());
            json.put("externalUserId", m.externalUserId());
            json.put("content", Characters.abbreviate(m.content(), PREVIEW_CHARS));
            json.put("format", m.format().toString());
            return json;
        }).toList());
    }

    private void get(Context ctx) {
        ProjectId project = auth.requireKey(ctx).projectId();
        Memory m = memories.get(project, PathParams.id(ctx, "id", MemoryId::parse, "Memory"))
                .orElseThrow(() -> ApiError.notFound("Memory"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id().toString());
        json.put("externalUserId", m.externalUserId());
        json.put("content", m.content());
        json.put("format", m.format().toString());
        json.put("createdAt", m.createdAt().toString());
        json.put("expiresAt", m.expiresAt().toString());
        ctx.json(json);
    }

    private void delete(Context ctx) {
        ProjectId project = auth.requireKey(ctx).projectId();
        Optional<String> id = PathParams.query(ctx, "id");
        Optional<String> user = PathParams.query(ctx, "externalUserId");
        if (id.isPresent() == user.isPresent()) {
            throw ApiError.badRequest("invalid_query", "Give either id or externalUserId (with format), not "
                    + (id.isPresent() ? "both" : "neither"));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", "Memories deleted successfully.");
        if (id.isPresent()) {
            MemoryId memory = MemoryId.parse(id.get()).orElseThrow(() -> ApiError.notFound("Memory"));
            if (!memories.delete(project, memory)) {
                throw ApiError.notFound("Memory");
            }
            json.put("removedCount", 1);
            json.put("id", memory.toString());
        } else {
            MemoryFormat format = PathParams.query(ctx, "format").map(MemoryRoutes::format).orElseThrow(() ->
                    ApiError.badRequest("invalid_query", "format (Text or DateReminder) is required with "
                            + "externalUserId"));
            json.put("removedCount", memories.deleteForUser(project, user.get(), format));
            json.put("externalUserId", user.get());
            json.put("format", format.toString());
        }
        ctx.json(json);
    }

    private static MemoryFormat format(String text) {
        return MemoryFormat.parse(text).orElseThrow(() -> ApiError.badRequest("invalid_query",
                "format must be Text or DateReminder"));
    }
}
