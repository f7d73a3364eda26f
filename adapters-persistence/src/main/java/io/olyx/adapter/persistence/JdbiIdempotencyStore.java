package io.olyx.adapter.persistence;

import io.olyx.application.port.IdempotencyStore;
import io.olyx.domain.idempotency.IdempotencyRecord;
import io.olyx.domain.idempotency.IdempotencyRecord.StoredResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The primary key (scope, key) is the lock: exactly one INSERT can win, on any number of nodes. */
final class JdbiIdempotencyStore implements IdempotencyStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final IdempotencyDao dao;

    JdbiIdempotencyStore(IdempotencyDao dao) {
        this.dao = dao;
    }

    @Override
    public boolean tryBegin(IdempotencyRecord r, Instant leaseUntil) {
        try {
            dao.insert(r.scope(), r.key(), r.requestHash(), Rows.utc(r.createdAt()), Rows.utc(r.expiresAt()),
                    Rows.utc(leaseUntil));
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return dao.find(scope, key).map(r -> new IdempotencyRecord(r.scope(), r.key(), r.requestHash(),
                "completed".equals(r.state())
                        ? Optional.of(new StoredResponse(r.status(), r.body(), r.contentType()))
                        : Optional.empty(),
                r.createdAt().toInstant(), r.expiresAt().toInstant()));
    }

    @Override
    public void renew(String scope, String key, Instant leaseUntil) {
        dao.renew(scope, key, Rows.utc(leaseUntil));
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        dao.complete(scope, key, response.status(), response.body(), response.contentType());
    }

    @Override
    public void abandon(String scope, String key) {
        dao.abandon(scope, key);
    }

    @Override
    public boolean deleteIfExpiredOrAbandoned(String scope, String key, Instant now) {
        return dao.deleteIfExpiredOrAbandoned(scope, key, Rows.utc(now)) == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return dao.purgeExpired(Rows.utc(now));
    }
}
