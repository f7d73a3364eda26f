package io.olyx.application.port;

import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Session;
import java.util.Optional;

public interface SessionRepository {
    void insert(Session session);

    Optional<Session> findByTokenHash(String tokenHash);

    void delete(String tokenHash);

    /** Ends every session of the account (it was disabled: re-enabling it must not revive them). */
    void deleteAll(AccountId account);
}
