package io.olyx.application.port;

import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import java.util.List;
import java.util.Optional;

public interface AccountRepository {
    void insert(Account account, String loginKeyHash);

    void update(Account account);

    Optional<Account> findById(AccountId id);

    Optional<Account> findByLoginKeyHash(String loginKeyHash);

    List<Account> list(Optional<String> query);

    long count();
}
