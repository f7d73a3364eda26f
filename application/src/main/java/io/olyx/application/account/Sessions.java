package io.olyx.application.account;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.AccountRepository;
import io.olyx.application.port.SessionRepository;
import io.olyx.application.port.TokenHasher;
import io.olyx.domain.account.Account;
import io.olyx.domain.audit.AuditEventType;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Resolves and ends control-plane sessions from their access tokens. */
public final class Sessions {
    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final TokenHasher hasher;
    private final Auditor auditor;
    private final Clock clock;

    public Sessions(SessionRepository sessions, AccountRepository accounts, TokenHasher hasher, Auditor auditor,
                    Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.hasher = hasher;
        this.auditor = auditor;
        this.clock = clock;
    }

    public Optional<Account> authenticate(String accessToken) {
        if (accessToken == null || !accessToken.startsWith("ses_")) {
            return Optional.empty();
        }
        return sessions.findByTokenHash(hasher.hash(accessToken))
                .filter(s -> s.isValidAt(clock.instant()))
                .flatMap(s -> accounts.findById(s.accountId()))
                .filter(a -> !a.disabled());
    }

    public void logOut(String accessToken, Account account, RequestOrigin origin) {
        sessions.delete(hasher.hash(accessToken));
        auditor.record(AuditEventType.LOGOUT, Optional.of(account.id().toString()), Optional.empty(), origin,
                Map.of());
    }
}
