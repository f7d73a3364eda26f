package io.olyx.adapter.http.gateway;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.adapter.http.Uploads;
import io.olyx.application.gateway.ManageSkills;
import io.olyx.domain.gateway.Skill;
import io.olyx.domain.gateway.SkillId;
import io.olyx.domain.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seed 003 "Skills": /api/v1/skills, plus clear, JSONL import (multipart field {@code skills}) and export. */
public final class SkillRoutes {
    private final ManageSkills skills;
    private final Authenticator auth;

    public SkillRoutes(ManageSkills skills, Authenticator auth) {
        this.skills = skills;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.get("/api/v1/skills", this::list);
        app.post("/api/v1/skills", this::create);
        app.delete("/api/v1/skills/management/clear", this::clear);
        app.post("/api/v1/skills/management/import", this::importLines);
        app.get("/api/v1/skills/management/export.jsonl", this::export);
        app.get("/api/v1/skills/{id}", this::get);
        app.put("/api/v1/skills/{id}", this::update);
        app.delete("/api/v1/skills/{id}", this::delete);
    }

    private void list(Context ctx) {
        ctx.json(skills.list(project(ctx)).stream().map(s -> {
            Map<String, Object> item = summary(s);
            item.put("allowedToolsCount", s.definition().allowedToolsNames().size());
            return item;
        }).toList());
    }

    private void create(Context ctx) {
        ProjectId project = project(ctx);
        ctx.json(detail(saved(skills.create(project, JsonBody.of(ctx).raw()))));
    }

    private void get(Context ctx) {
        ProjectId project = project(ctx);
        ctx.json(detail(skills.get(project, id(ctx)).orElseThrow(() -> ApiError.notFound("Skill"))));
    }

    private void update(Context ctx) {
        ProjectId project = project(ctx);
        SkillId id = id(ctx);
        ctx.json(detail(saved(skills.update(project, id, JsonBody.of(ctx).raw()))));
    }

    private void delete(Context ctx) {
        ProjectId project = project(ctx);
        SkillId id = id(ctx);
        if (!skills.delete(project, id)) {
            throw ApiError.notFound("Skill");
        }
        ctx.json(Map.of("id", id.toString()));
    }

    private void clear(Context ctx) {
        ctx.json(Map.of("removedCount", skills.clear(project(ctx))));
    }

    private void importLines(Context ctx) {
        ProjectId project = project(ctx);
        ManageSkills.Imported imported = skills.importLines(project, uploaded(ctx));
        ctx.json(Map.of("enqueued", imported.enqueued(), "skipped", imported.skipped()));
    }

    private void export(Context ctx) {
        ProjectId project = project(ctx);
        ctx.contentType("application/jsonl; charset=utf-8").result(skills.export(project));
    }

    /** The multipart {@code skills} file, or (for scripts) the request body itself. */
    private static String uploaded(Context ctx) {
        Uploads.accept(ctx);
        return Uploads.jsonl(ctx, "skills");
    }

    private static Skill saved(ManageSkills.Result result) {
        return switch (result) {
            case ManageSkills.Result.Saved saved -> saved.skill();
            case ManageSkills.Result.NotFound notFound -> throw ApiError.notFound("Skill");
            case ManageSkills.Result.SlugTaken taken -> throw ApiError.conflict("duplicate_slug", "A skill with slug \""
                    + taken.slug() + "\" already exists");
        };
    }

    private static Map<String, Object> summary(Skill s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id().toString());
        json.put("createdAt", s.createdAt().toString());
        json.put("slug", s.slug());
        json.put("description", s.definition().description().orElse(null));
        return json;
    }

    private static Map<String, Object> detail(Skill s) {
        Map<String, Object> json = summary(s);
        json.put("instructions", s.definition().instructions());
        json.put("options", s.definition().options());
        return json;
    }

    private ProjectId project(Context ctx) {
        return auth.requireKey(ctx).projectId();
    }

    private static SkillId id(Context ctx) {
        return PathParams.id(ctx, "id", SkillId::parse, "Skill");
    }
}
