package io.olyx.adapter.http.audit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.audit.ListAuditEvents;
import io.olyx.application.port.AuditLog.AuditQuery;
import io.olyx.domain.account.Account;
import io.olyx.domain.audit.AuditEvent;
import io.olyx.domain.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 001 "Audit Events": the last 50 events by default, newest first; {@code event}, {@code project_id},
 * {@code before_id} (cursor) and {@code limit} (≤ 200) filter and page.
 */
public final class AuditRoutes {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final ListAuditEvents listEvents;
    private final Authenticator auth;

    public AuditRoutes(ListAuditEvents listEvents, Authenticator auth) {
        this.listEvents = listEvents;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.get("/api/v1/audit-events", this::list);
    }

    private void list(Context ctx) {
        Account actor = auth.requireSession(ctx);
        int limit = PathParams.intQuery(ctx, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        AuditQuery query = new AuditQuery(PathParams.query(ctx, "event"),
                PathParams.projectQuery(ctx).map(ProjectId::value),
                PathParams.idQuery(ctx, "before_id", "an audit event id"), limit);
        ctx.json(listEvents.list(actor, query)
                .orElseThrow(() -> ApiError.forbidden("Audit events need the admin or owner role"))
                .stream().map(AuditRoutes::json).toList());
    }

    private static Map<String, Object> json(AuditEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("event", e.event());
        json.put("actor", e.actor().orElse(null));
        json.put("project_id", e.projectId().orElse(null));
        json.put("ip", e.ip());
        json.put("user_agent", e.userAgent());
        json.put("metadata", e.metadata());
        json.put("occurred_at", e.occurredAt().toString());
        return json;
    }
}
