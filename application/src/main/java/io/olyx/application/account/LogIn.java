package io.olyx.application.account;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.AccountRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.SessionRepository;
import io.olyx.application.port.TokenHasher;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Session;
import io.olyx.domain.audit.AuditEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** POST /api/v1/auth/login: a login key in, a 180-day access token out. */
public final class LogIn {
    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final TokenHasher hasher;
    private final IdGenerator ids;
    private final LoginThrottle throttle;
    private final Auditor auditor;
    private final Clock clock;

    public LogIn(AccountRepository accounts, SessionRepository sessions, TokenHasher hasher, IdGenerator ids,
                 LoginThrottle throttle, Auditor auditor, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.ids = ids;
        this.throttle = throttle;
        this.auditor = auditor;
        this.clock = clock;
    }

    public Result logIn(String loginKey, RequestOrigin origin) {
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.attempt(origin.ip(), now);
        if (wait.isPresent()) {
            auditor.record(AuditEventType.LOGIN_RATE_LIMITED, Optional.empty(), Optional.empty(), origin, Map.of());
            return new Result.RateLimited(wait.get());
        }
        Optional<Account> account = loginKey == null || loginKey.isBlank()
                ? Optional.empty()
                : accounts.findByLoginKeyHash(hasher.hash(loginKey)).filter(a -> !a.disabled());
        if (account.isEmpty()) {
            auditor.record(AuditEventType.LOGIN_FAILED, Optional.empty(), Optional.empty(), origin, Map.of());
            return new Result.Rejected();
        }
        String token = "ses_" + ids.randomHex(32);
        sessions.insert(Session.start(hasher.hash(token), account.get().id(), now));
        auditor.record(AuditEventType.LOGIN_SUCCESS, Optional.of(account.get().id().toString()), Optional.empty(),
                origin, Map.of());
        return new Result.LoggedIn(token, account.get());
    }

    public sealed interface Result {
        record LoggedIn(String accessToken, Account account) implements Result {
        }

        record Rejected() implements Result {
        }

        record RateLimited(Duration retryAfter) implements Result {
        }
    }
}
