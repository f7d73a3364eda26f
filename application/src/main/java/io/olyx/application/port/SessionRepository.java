package io.olyx.application.port;

import io.olyx.domain.account.Session;
import java.util.Optional;

public interface SessionRepository {
    void insert(Session session);

    Optional<Session> findByTokenHash(String tokenHash);

    void delete(String tokenHash);
}
