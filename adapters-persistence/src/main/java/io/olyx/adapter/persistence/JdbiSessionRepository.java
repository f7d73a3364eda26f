package io.olyx.adapter.persistence;

import io.olyx.application.port.SessionRepository;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Session;
import java.util.Optional;

final class JdbiSessionRepository implements SessionRepository {
    private final SessionDao dao;

    JdbiSessionRepository(SessionDao dao) {
        this.dao = dao;
    }

    @Override
    public void insert(Session s) {
        dao.insert(s.tokenHash(), s.accountId().value(), Rows.utc(s.createdAt()), Rows.utc(s.expiresAt()));
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return dao.find(tokenHash);
    }

    @Override
    public void delete(String tokenHash) {
        dao.delete(tokenHash);
    }

    @Override
    public void deleteAll(AccountId account) {
        dao.deleteAll(account.value());
    }
}
