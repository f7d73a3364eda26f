package io.olyx.application.port;

import io.olyx.domain.idempotency.IdempotencyRecord;
import io.olyx.domain.idempotency.IdempotencyRecord.StoredResponse;
import java.time.Instant;
import java.util.Optional;

/** Idempotency keys in the shared database, so a retry landing on another node still finds the first response. */
public interface IdempotencyStore {
    /** Claims the key atomically; false when a record (possibly expired) already exists. */
    boolean tryBegin(IdempotencyRecord record);

    Optional<IdempotencyRecord> find(String scope, String key);

    void complete(String scope, String key, StoredResponse response);

    /** Forgets an unfinished claim so the request can be tried again (the first attempt failed). */
    void abandon(String scope, String key);

    /** Removes an expired record so the key can be claimed afresh. */
    boolean deleteIfExpired(String scope, String key, Instant now);

    int purgeExpired(Instant now);
}
