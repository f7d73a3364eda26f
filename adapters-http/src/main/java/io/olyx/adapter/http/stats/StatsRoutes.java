package io.olyx.adapter.http.stats;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.stats.StatsQuery;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.stats.StatsPeriod;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Seed 001 "Stats". A session (dashboard) reads any project, by default the first active one; an API key reads its
 * own project only (naming another is 404, as for any other project's data).
 */
public final class StatsRoutes {
    private final StatsQuery stats;
    private final Authenticator auth;

    public StatsRoutes(StatsQuery stats, Authenticator auth) {
        this.stats = stats;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.get("/api/v1/stats", this::get);
    }

    private void get(Context ctx) {
        Optional<ProjectId> named = PathParams.projectQuery(ctx);
        Project project = usesSession(ctx) ? dashboardProject(ctx, named) : keyProject(ctx, named);
        StatsQuery.Query query = new StatsQuery.Query(PathParams.intQuery(ctx, "window", 1,
                StatsPeriod.MAX_WINDOW_HOURS, " hours"), date(ctx, "start_date"),
                date(ctx, "end_date"));
        ctx.json(StatsJson.of(project, stats.report(project, query)));
    }

    private boolean usesSession(Context ctx) {
        String authorization = ctx.header("Authorization");
        boolean presentsKey = ctx.queryParam("api-key") != null
                || authorization != null && authorization.regionMatches(true, 0, "Bearer ak_", 0, 10);
        return !presentsKey && auth.sessionToken(ctx).isPresent();
    }

    private Project dashboardProject(Context ctx, Optional<ProjectId> named) {
        auth.requireSession(ctx);
        return stats.dashboardProject(named).orElseThrow(() -> ApiError.notFound("Project"));
    }

    private Project keyProject(Context ctx, Optional<ProjectId> named) {
        KeyCaller caller = auth.requireKey(ctx);
        if (named.filter(id -> !id.equals(caller.projectId())).isPresent()) {
            throw ApiError.notFound("Project");
        }
        return caller.project();
    }

    /**
     * An ISO date in the years 1 to 9999 (what both databases can compare with); a full ISO date-time is accepted too
     * and read as its UTC date.
     */
    private static Optional<LocalDate> date(Context ctx, String name) {
        return PathParams.query(ctx, name).map(String::trim).map(text -> {
            LocalDate date;
            try {
                date = text.length() == 10 ? LocalDate.parse(text)
                        : OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e) {
                throw invalidDate(name);
            }
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw invalidDate(name);
            }
            return date;
        });
    }

    private static ApiError invalidDate(String name) {
        return ApiError.invalid(name + " must be an ISO date (YYYY-MM-DD) in the years 1 to 9999");
    }
}
