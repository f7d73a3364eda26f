package io.olyx.adapter.http.insight;

import io.olyx.adapter.http.MoneyJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.insight.ManageInsights;
import io.olyx.application.port.InsightStore.Status;
import io.olyx.application.port.InsightStore.Stored;
import io.olyx.domain.account.Role;
import io.olyx.domain.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 001 "Insights": session credentials. The list shows active insights ({@code ?status=dismissed|resolved|all}
 * shows others); refresh answers 200 with the new list when the refresh job finishes within a few seconds, else 202
 * with the job, for any session, since it only works out again what its reader can already see; dismiss, which
 * hides an insight from everyone, needs admin or owner and answers the dismissed insight.
 */
public final class InsightRoutes {
    private final ManageInsights insights;
    private final Authenticator auth;

    public InsightRoutes(ManageInsights insights, Authenticator auth) {
        this.insights = insights;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.get("/api/v1/projects/{project_id}/insights", this::list);
        app.post("/api/v1/projects/{project_id}/insights/refresh", this::refresh);
        app.patch("/api/v1/projects/{project_id}/insights/{insight_id}/dismiss", this::dismiss);
    }

    private void list(Context ctx) {
        auth.requireSession(ctx);
        ctx.json(insights.list(project(ctx), status(ctx)).orElseThrow(() -> ApiError.notFound("Project")).stream()
                .map(InsightRoutes::json).toList());
    }

    private void refresh(Context ctx) {
        auth.requireSession(ctx);
        switch (insights.refresh(project(ctx)).orElseThrow(() -> ApiError.notFound("Project"))) {
            case ManageInsights.Refresh.Done done -> ctx.json(done.active().stream().map(InsightRoutes::json).toList());
            case ManageInsights.Refresh.Pending pending -> ctx.status(202).json(Map.of(
                    "job_id", Long.toString(pending.job().id()), "status", pending.job().status().wire()));
        }
    }

    private void dismiss(Context ctx) {
        auth.requireRole(ctx, Role.ADMIN);
        long id = PathParams.id(ctx, "insight_id", InsightRoutes::parseId, "Insight");
        ctx.json(json(insights.dismiss(project(ctx), id).orElseThrow(() -> ApiError.notFound("Insight"))));
    }

    private static ProjectId project(Context ctx) {
        return PathParams.id(ctx, "project_id", ProjectId::parse, "Project");
    }

    private static Optional<Status> status(Context ctx) {
        String wanted = PathParams.query(ctx, "status").orElse(Status.ACTIVE.wire());
        if (wanted.equals("all")) {
            return Optional.empty();
        }
        return Optional.of(Status.parse(wanted).orElseThrow(() -> ApiError.invalid(
                "status must be active, dismissed, resolved or all")));
    }

    private static Optional<Long> parseId(String text) {
        try {
            long id = Long.parseLong(text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> json(Stored s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("insight_type", s.insight().type().wire());
        json.put("status", s.status().wire());
        json.put("data", s.insight().data());
        json.put("estimated_savings_usd", MoneyJson.amount(s.insight().estimatedSavingsUsd()));
        json.put("created_at", s.createdAt().toString());
        json.put("updated_at", s.updatedAt().toString());
        return json;
    }
}
