package io.olyx.adapter.http.account;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.JsonBody;
import io.olyx.adapter.http.PathParams;
import io.olyx.application.account.CreateAccount;
import io.olyx.application.account.LogIn;
import io.olyx.application.account.ManageAccounts;
import io.olyx.application.account.Sessions;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import io.olyx.domain.account.Session;
import io.olyx.domain.common.Characters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Login (AIVAX seed), logout, the caller's own account, and account administration. Creating accounts is not in the
 * seeds; it lives beside the seed's admin account endpoints as POST /api/v1/admin/accounts (docs/api.md).
 */
public final class AccountRoutes {
    private final LogIn logIn;
    private final Sessions sessions;
    private final CreateAccount createAccount;
    private final ManageAccounts accounts;
    private final Authenticator auth;

    public AccountRoutes(LogIn logIn, Sessions sessions, CreateAccount createAccount, ManageAccounts accounts,
                         Authenticator auth) {
        this.logIn = logIn;
        this.sessions = sessions;
        this.createAccount = createAccount;
        this.accounts = accounts;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.post("/api/v1/auth/login", this::login);
        app.post("/api/v1/auth/logout", this::logout);
        app.get("/api/v1/accounts", ctx -> ctx.json(AccountJson.of(auth.requireSession(ctx))));
        app.put("/api/v1/accounts", this::updateOwn);
        app.get("/api/v1/admin/accounts", this::list);
        app.post("/api/v1/admin/accounts", this::create);
        app.get("/api/v1/admin/accounts/{account_id}", this::get);
        app.patch("/api/v1/admin/accounts/{account_id}", this::adminUpdate);
    }

    private void login(Context ctx) {
        String loginKey = loginKey(ctx);
        switch (logIn.logIn(loginKey, Authenticator.origin(ctx))) {
            case LogIn.Result.LoggedIn ok -> {
                Cookie cookie = new Cookie(Authenticator.SESSION_COOKIE, ok.accessToken());
                cookie.setHttpOnly(true);
                cookie.setSameSite(SameSite.STRICT);
                cookie.setPath("/");
                cookie.setMaxAge((int) Session.LIFETIME.toSeconds());
                ctx.cookie(cookie);
                ctx.json(Map.of("accessToken", ok.accessToken(), "account", AccountJson.of(ok.account())));
            }
            case LogIn.Result.Rejected rejected ->
                    throw ApiError.badRequest("invalid_login_key", "Invalid login key");
            case LogIn.Result.RateLimited limited -> throw ApiError.tooManyRequests("rate_limited",
                    "Too many login attempts from this address; try again later", limited.retryAfter());
        }
    }

    /**
     * Seed 003 answers 400 for an invalid or missing login body: a body that is no JSON object, or a loginKey that is
     * missing or not a string, is 400 here where other endpoints say 422.
     */
    private static String loginKey(Context ctx) {
        JsonBody body;
        try {
            body = JsonBody.of(ctx);
        } catch (ApiError invalid) {
            throw invalid.status() == 422 ? ApiError.badRequest(invalid.code(), invalid.getMessage()) : invalid;
        }
        return switch (body.raw().get("loginKey")) {
            case null -> throw ApiError.badRequest("invalid_request", "loginKey is required");
            case String key -> key;
            default -> throw ApiError.badRequest("invalid_request", "loginKey must be a string");
        };
    }

    private void logout(Context ctx) {
        Account account = auth.requireSession(ctx);
        auth.sessionToken(ctx).ifPresent(token -> sessions.logOut(token, account, Authenticator.origin(ctx)));
        ctx.removeCookie(Authenticator.SESSION_COOKIE, "/");
        ctx.status(204);
    }

    private void updateOwn(Context ctx) {
        Account self = auth.requireSession(ctx);
        JsonBody body = JsonBody.of(ctx);
        Optional<String> name = body.string("name");
        name.ifPresent(n -> {
            if (n.isBlank() || Characters.count(n) > Account.MAX_NAME_LENGTH) {
                throw ApiError.invalid("name must be 1-" + Account.MAX_NAME_LENGTH + " characters");
            }
        });
        Account updated = accounts.updateOwn(self, name, body.object("parameters"), Authenticator.origin(ctx))
                .orElseThrow();
        ctx.json(AccountJson.of(updated));
    }

    private void list(Context ctx) {
        auth.requireRole(ctx, Role.ADMIN);
        ctx.json(accounts.list(PathParams.query(ctx, "query")).stream().map(AccountJson::of).toList());
    }

    private void create(Context ctx) {
        Account actor = auth.requireRole(ctx, Role.ADMIN);
        JsonBody body = JsonBody.of(ctx);
        Role role = body.string("role").map(r -> Role.parse(r)
                        .orElseThrow(() -> ApiError.invalid("role must be owner, admin or member")))
                .orElse(Role.MEMBER);
        var command = new CreateAccount.Command(body.requireString("name"), body.string("email"), role,
                body.string("loginKey"));
        switch (createAccount.create(command, actor, Authenticator.origin(ctx))) {
            case CreateAccount.Result.Created created -> {
                Map<String, Object> json = new LinkedHashMap<>(AccountJson.of(created.account()));
                json.put("loginKey", created.loginKey());
                ctx.status(201).json(json);
            }
            case CreateAccount.Result.Forbidden forbidden ->
                    throw ApiError.forbidden("Your role cannot create an account with the " + role.wire() + " role");
            case CreateAccount.Result.LoginKeyTaken taken ->
                    throw ApiError.conflict("login_key_taken", "That login key is already in use");
        }
    }

    private void get(Context ctx) {
        auth.requireRole(ctx, Role.ADMIN);
        AccountId id = PathParams.id(ctx, "account_id", AccountId::parse, "Account");
        ctx.json(AccountJson.of(accounts.get(id).orElseThrow(() -> ApiError.notFound("Account"))));
    }

    private void adminUpdate(Context ctx) {
        Account actor = auth.requireRole(ctx, Role.ADMIN);
        AccountId id = PathParams.id(ctx, "account_id", AccountId::parse, "Account");
        JsonBody body = JsonBody.of(ctx);
        Optional<Role> role = body.string("role").map(r -> Role.parse(r)
                .orElseThrow(() -> ApiError.invalid("role must be owner, admin or member")));
        switch (accounts.adminUpdate(actor, id, role, body.bool("disabled"), Authenticator.origin(ctx))) {
            case ManageAccounts.AdminUpdate.Updated updated -> ctx.json(AccountJson.of(updated.account()));
            case ManageAccounts.AdminUpdate.NotFound notFound -> throw ApiError.notFound("Account");
            case ManageAccounts.AdminUpdate.Forbidden forbidden ->
                    throw ApiError.forbidden("You cannot change this account's role or state");
        }
    }
}
