package io.olyx.application.account;

import io.olyx.application.port.AccountRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.TokenHasher;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * On first start there is nobody to log in: create the owner. A preset login key (OLYX_OWNER_LOGIN_KEY) lets scripts
 * start a known server. It only applies on that first start: an environment variable left behind later must not
 * silently take over an existing installation.
 */
public final class EnsureOwner {
    private final AccountRepository accounts;
    private final TokenHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;

    public EnsureOwner(AccountRepository accounts, TokenHasher hasher, IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
    }

    /** Returns the new owner's login key when this call created the owner, so the caller can print it once. */
    public Optional<String> ensure(Optional<String> presetLoginKey) {
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        String loginKey = presetLoginKey.filter(k -> !k.isBlank()).orElseGet(() -> "lk_" + ids.randomHex(24));
        Account owner = new Account(new AccountId(ids.timeOrderedUuid()), "Owner", "", Role.OWNER, false, Map.of(),
                clock.instant());
        accounts.insert(owner, hasher.hash(loginKey));
        return Optional.of(loginKey);
    }
}
