package io.olyx.application.port;

import io.olyx.domain.idempotency.IdempotencyRecord;
import io.olyx.domain.idempotency.IdempotencyRecord.StoredResponse;
import java.time.Instant;
import java.util.Optional;

/** Idempotency keys in the shared database, so a retry landing on another node still finds the first response. */
public interface IdempotencyStore {
    /**
     * Claims the key atomically; false when a record (possibly expired or abandoned) already exists.
     *
     * @param leaseUntil until when the claim counts as alive without a {@link #renew renewal}
     */
    boolean tryBegin(IdempotencyRecord record, Instant leaseUntil);

    /** Pushes the lease of an unfinished claim on, while its request is still running. */
    void renew(String scope, String key, Instant leaseUntil);

    Optional<IdempotencyRecord> find(String scope, String key);

    void complete(String scope, String key, StoredResponse response);

    /** Forgets an unfinished claim so the request can be tried again (the first attempt failed). */
    void abandon(String scope, String key);

    /**
     * Removes a record so the key can be claimed afresh when it has expired, or when it is an unfinished claim whose
     * lease ran out before {@code now}: its request's node died, so no response will ever come.
     */
    boolean deleteIfExpiredOrAbandoned(String scope, String key, Instant now);

    int purgeExpired(Instant now);
}
