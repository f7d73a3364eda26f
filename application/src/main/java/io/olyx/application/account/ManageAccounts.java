package io.olyx.application.account;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.AccountRepository;
import io.olyx.application.port.SessionRepository;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading and changing accounts: admins manage others, everyone manages their own name and parameters. */
public final class ManageAccounts {
    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final Auditor auditor;

    public ManageAccounts(AccountRepository accounts, SessionRepository sessions, Auditor auditor) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.auditor = auditor;
    }

    public List<Account> list(Optional<String> query) {
        return accounts.list(query);
    }

    public Optional<Account> get(AccountId id) {
        return accounts.findById(id);
    }

    public Optional<Account> updateOwn(Account self, Optional<String> name, Optional<Map<String, Object>> parameters,
                                       RequestOrigin origin) {
        Account updated = self.withParameters(name.orElse(self.name()), parameters.orElse(self.parameters()));
        accounts.update(updated);
        auditor.record(AuditEventType.ACCOUNT_UPDATED, Optional.of(self.id().toString()), Optional.empty(), origin,
                Map.of("account_id", self.id().toString()));
        return Optional.of(updated);
    }

    public AdminUpdate adminUpdate(Account actor, AccountId target, Optional<Role> role, Optional<Boolean> disabled,
                                   RequestOrigin origin) {
        Optional<Account> found = accounts.findById(target);
        if (found.isEmpty()) {
            return new AdminUpdate.NotFound();
        }
        Account account = found.get();
        boolean touchesOwner = account.role() == Role.OWNER || role.filter(r -> r == Role.OWNER).isPresent();
        if (!actor.role().atLeast(Role.ADMIN) || (touchesOwner && actor.role() != Role.OWNER)
                || actor.id().equals(target)) {
            return new AdminUpdate.Forbidden();
        }
        Account updated = account.withRoleAndState(role.orElse(account.role()), disabled.orElse(account.disabled()));
        accounts.update(updated);
        if (updated.disabled()) {
            sessions.deleteAll(target);
        }
        auditor.record(AuditEventType.ACCOUNT_UPDATED, Optional.of(actor.id().toString()), Optional.empty(), origin,
                Map.of("account_id", target.toString(), "role", updated.role().wire(), "disabled", updated.disabled()));
        return new AdminUpdate.Updated(updated);
    }

    public sealed interface AdminUpdate {
        record Updated(Account account) implements AdminUpdate {
        }

        record NotFound() implements AdminUpdate {
        }

        record Forbidden() implements AdminUpdate {
        }
    }
}
