package io.olyx.application.account;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.AccountRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.TokenHasher;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** An owner or admin creates a login for someone else; the login key is returned once and stored only hashed. */
public final class CreateAccount {
    public static final int MIN_LOGIN_KEY_LENGTH = 16;

    private final AccountRepository accounts;
    private final TokenHasher hasher;
    private final IdGenerator ids;
    private final Auditor auditor;
    private final Clock clock;

    public CreateAccount(AccountRepository accounts, TokenHasher hasher, IdGenerator ids, Auditor auditor,
                         Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.ids = ids;
        this.auditor = auditor;
        this.clock = clock;
    }

    public Result create(Command command, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN) || !actor.role().canGrant(command.role())) {
            return new Result.Forbidden();
        }
        String loginKey = command.loginKey().orElseGet(() -> "lk_" + ids.randomHex(24));
        int loginKeyLength = Characters.count(loginKey);
        InvalidInput.require(loginKeyLength >= MIN_LOGIN_KEY_LENGTH && loginKeyLength <= 512, "loginKey",
                "loginKey must be " + MIN_LOGIN_KEY_LENGTH + "-512 characters");
        String loginKeyHash = hasher.hash(loginKey);
        if (accounts.findByLoginKeyHash(loginKeyHash).isPresent()) {
            return new Result.LoginKeyTaken();
        }
        Account account = new Account(new AccountId(ids.timeOrderedUuid()), command.name(),
                command.email().orElse(""), command.role(), false, Map.of(), clock.instant());
        accounts.insert(account, loginKeyHash);
        auditor.record(AuditEventType.ACCOUNT_CREATED, Optional.of(actor.id().toString()), Optional.empty(), origin,
                Map.of("account_id", account.id().toString(), "role", account.role().wire()));
        return new Result.Created(account, loginKey);
    }

    public record Command(String name, Optional<String> email, Role role, Optional<String> loginKey) {
    }

    public sealed interface Result {
        record Created(Account account, String loginKey) implements Result {
        }

        record Forbidden() implements Result {
        }

        record LoginKeyTaken() implements Result {
        }
    }
}
