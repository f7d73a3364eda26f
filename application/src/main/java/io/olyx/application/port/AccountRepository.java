package io.olyx.application.port;

import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import java.util.List;
import java.util.Optional;

public interface AccountRepository {
    void insert(Account account, String loginKeyHash);

    void update(Account account);

    Optional<Account> findById(AccountId id);

    /**
     * As {@link #findById}, and locks the row until the surrounding {@link UnitOfWork} ends: a read-change-write of
     * the account then waits for any other one (on any node) instead of overwriting what it wrote.
     */
    Optional<Account> findForUpdate(AccountId id);

    Optional<Account> findByLoginKeyHash(String loginKeyHash);

    List<Account> list(Optional<String> query);

    long count();
}
