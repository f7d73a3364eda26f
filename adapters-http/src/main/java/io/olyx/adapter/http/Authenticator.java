package io.olyx.adapter.http;

import io.javalin.http.Context;
import io.olyx.application.access.Auditor;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.account.Sessions;
import io.olyx.application.keys.KeyDirectory;
import io.olyx.application.keys.KeyDirectory.Authentication;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.keys.KeyStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves credentials. API keys (project-scoped, for applications) come as {@code Authorization: Bearer ak_...} or,
 * as the AIVAX seed allows, an {@code api-key} query parameter; sessions (for people) as a Bearer access token or
 * the dashboard cookie.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "olyx_session";
    private static final Duration PAUSED_KEY_RETRY = Duration.ofHours(1);
    private static final String CALLER = "olyx.key-caller";

    private final KeyDirectory keys;
    private final Sessions sessions;
    private final Auditor auditor;

    public Authenticator(KeyDirectory keys, Sessions sessions, Auditor auditor) {
        this.keys = keys;
        this.sessions = sessions;
        this.auditor = auditor;
    }

    public KeyCaller requireKey(Context ctx) {
        KeyCaller known = ctx.attribute(CALLER);
        if (known != null) {
            return known;
        }
        KeyCaller caller = authenticateKey(ctx);
        ctx.attribute(CALLER, caller);
        return caller;
    }

    /** Idempotency scope of an API-key request: keys are shared by everything the project's keys create. */
    public String projectScope(Context ctx) {
        return "project:" + requireKey(ctx).projectId().value();
    }

    public String accountScope(Context ctx) {
        return "account:" + requireSession(ctx).id();
    }

    private KeyCaller authenticateKey(Context ctx) {
        Optional<String> presented = bearer(ctx).or(() -> Optional.ofNullable(ctx.queryParam("api-key")));
        if (presented.isEmpty()) {
            throw ApiError.unauthorized();
        }
        Authentication result = keys.authenticate(presented.get());
        return switch (result) {
            case Authentication.Authenticated ok -> ok.caller();
            case Authentication.Rejected rejected -> {
                perimeterBlock(ctx, "invalid_key", rejected.keyId().map(Object::toString), Optional.empty());
                throw ApiError.unauthorized();
            }
            case Authentication.Inactive inactive -> throw inactive(ctx, inactive);
            case Authentication.ProjectArchived archived ->
                    throw ApiError.of(403, "project_archived", "The key's project is archived");
        };
    }

    public Account requireSession(Context ctx) {
        Optional<String> token = bearer(ctx).filter(t -> t.startsWith("ses_"))
                .or(() -> Optional.ofNullable(ctx.cookie(SESSION_COOKIE)));
        return token.flatMap(sessions::authenticate).orElseThrow(ApiError::unauthorized);
    }

    public Account requireRole(Context ctx, Role role) {
        Account account = requireSession(ctx);
        if (!account.role().atLeast(role)) {
            throw ApiError.forbidden("This needs the " + role.wire() + " role or higher");
        }
        return account;
    }

    public Optional<String> sessionToken(Context ctx) {
        return bearer(ctx).filter(t -> t.startsWith("ses_")).or(() -> Optional.ofNullable(ctx.cookie(SESSION_COOKIE)));
    }

    public static RequestOrigin origin(Context ctx) {
        return new RequestOrigin(ctx.ip(), ctx.userAgent());
    }

    private ApiError inactive(Context ctx, Authentication.Inactive inactive) {
        KeyStatus status = inactive.status();
        return switch (status) {
            case TRIPPED -> ApiError.tooManyRequests("spend_limit_exceeded",
                    "The key's hourly spend limit was exceeded; an admin must reset the key", PAUSED_KEY_RETRY);
            case LOOP_DETECTED -> ApiError.tooManyRequests("loop_detected",
                    "The key was paused because an agent loop was detected; an admin must reset the key",
                    PAUSED_KEY_RETRY);
            case REVOKED, EXPIRED -> {
                perimeterBlock(ctx, "key_" + status.wire(), Optional.of(inactive.key().id().value()),
                        Optional.of(inactive.key().projectId().value()));
                yield ApiError.of(401, "key_" + status.wire(), "The API key is " + status.wire());
            }
            case ACTIVE -> throw new IllegalStateException("an active key is not inactive");
        };
    }

    /** {@code project}: the key's own, when the key is known (revoked, expired), so the project's admins see it. */
    private void perimeterBlock(Context ctx, String reason, Optional<String> keyId, Optional<Long> project) {
        auditor.record(AuditEventType.PERIMETER_BLOCK, keyId, project, origin(ctx),
                Map.of("reason", reason, "path", ctx.path()));
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim()).filter(s -> !s.isEmpty());
    }
}
