package io.olyx.application.account;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.AccountRepository;
import io.olyx.application.port.SessionRepository;
import io.olyx.application.port.UnitOfWork;
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
    private final UnitOfWork unitOfWork;
    private final Auditor auditor;

    public ManageAccounts(AccountRepository accounts, SessionRepository sessions, UnitOfWork unitOfWork,
                          Auditor auditor) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.auditor = auditor;
    }

    public List<Account> list(Optional<String> query) {
        return accounts.list(query);
    }

    public Optional<Account> get(AccountId id) {
        return accounts.findById(id);
    }

    /**
     * The caller's own name and parameters, merged into the stored row (locked, as an admin's change is) rather than
     * into the account read when the caller logged in, so a role or state an admin set meanwhile stays.
     */
    public Optional<Account> updateOwn(Account self, Optional<String> name, Optional<Map<String, Object>> parameters,
                                       RequestOrigin origin) {
        Optional<Saved> saved = unitOfWork.inTransaction(() -> accounts.findForUpdate(self.id())
                .map(current -> save(current, current.withParameters(name.orElse(current.name()),
                        parameters.orElse(current.parameters())))));
        saved.filter(Saved::changed).ifPresent(s -> auditor.record(AuditEventType.ACCOUNT_UPDATED,
                Optional.of(self.id().toString()), Optional.empty(), origin,
                Map.of("account_id", self.id().toString())));
        return saved.map(Saved::account);
    }

    /**
     * Reads and writes with the account's row locked, so two admins changing one account at once (on any node)
     * each change what the other wrote: one setting the role and one disabling end with both.
     */
    public AdminUpdate adminUpdate(Account actor, AccountId target, Optional<Role> role, Optional<Boolean> disabled,
                                   RequestOrigin origin) {
        AdminUpdate result = unitOfWork.inTransaction(() -> {
            Optional<Account> found = accounts.findForUpdate(target);
            if (found.isEmpty()) {
                return new AdminUpdate.NotFound();
            }
            Account account = found.get();
            boolean touchesOwner = account.role() == Role.OWNER || role.filter(r -> r == Role.OWNER).isPresent();
            if (!actor.role().atLeast(Role.ADMIN) || (touchesOwner && actor.role() != Role.OWNER)
                    || actor.id().equals(target)) {
                return new AdminUpdate.Forbidden();
            }
            Saved saved = save(account, account.withRoleAndState(role.orElse(account.role()),
                    disabled.orElse(account.disabled())));
            return new AdminUpdate.Updated(saved.account(), saved.changed());
        });
        if (result instanceof AdminUpdate.Updated(Account updated, boolean changed)) {
            if (updated.disabled()) {
                sessions.deleteAll(target);
            }
            // only a change is audited: a PATCH that changes nothing leaves no trace, as for keys
            if (changed) {
                auditor.record(AuditEventType.ACCOUNT_UPDATED, Optional.of(actor.id().toString()), Optional.empty(),
                        origin, Map.of("account_id", target.toString(), "role", updated.role().wire(), "disabled",
                                updated.disabled()));
            }
        }
        return result;
    }

    /** Writes {@code after} unless it is {@code before} unchanged. */
    private Saved save(Account before, Account after) {
        boolean changed = !after.equals(before);
        if (changed) {
            accounts.update(after);
        }
        return new Saved(after, changed);
    }

    private record Saved(Account account, boolean changed) {
    }

    public sealed interface AdminUpdate {
        /** {@code changed} is false when the account already was as asked. */
        record Updated(Account account, boolean changed) implements AdminUpdate {
        }

        record NotFound() implements AdminUpdate {
        }

        record Forbidden() implements AdminUpdate {
        }
    }
}
