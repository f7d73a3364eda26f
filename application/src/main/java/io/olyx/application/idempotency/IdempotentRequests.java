package io.olyx.application.idempotency;

import io.olyx.application.lease.LeaseKeeper;
import io.olyx.application.port.IdempotencyStore;
import io.olyx.application.port.SecretCipher;
import io.olyx.domain.idempotency.IdempotencyRecord;
import io.olyx.domain.idempotency.IdempotencyRecord.StoredResponse;
import io.olyx.domain.model.SealedSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a create at most once per Idempotency-Key (seed 002). The first request claims the key in the database; a
 * retry with the same body gets the stored response, one with a different body is refused, and a retry that arrives
 * while the first is still running waits for its answer. Keys are kept for 24 hours. Failures that are worth
 * retrying (5xx, 409, 429) release the key instead of being remembered. A claim whose node died mid-request is never
 * released: its lease, renewed while the request runs ({@link LeaseKeeper}), runs out, and a retry then claims the
 * key afresh and runs the request.
 */
public final class IdempotentRequests {
    public static final Duration RETENTION = Duration.ofHours(24);
    public static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final SecretCipher cipher;
    private final LeaseKeeper leases;
    private final Clock clock;
    private final Duration waitForFirst;
    private final Duration pollEvery;

    public IdempotentRequests(IdempotencyStore store, SecretCipher cipher, LeaseKeeper leases, Clock clock,
                              Duration waitForFirst, Duration pollEvery) {
        this.store = store;
        this.cipher = cipher;
        this.leases = leases;
        this.clock = clock;
        this.waitForFirst = waitForFirst;
        this.pollEvery = pollEvery;
    }

    public Outcome execute(String scope, String key, String requestHash, Supplier<StoredResponse> work) {
        Instant now = clock.instant();
        IdempotencyRecord claim = new IdempotencyRecord(scope, key, requestHash, Optional.empty(), now,
                now.plus(RETENTION));
        if (!store.tryBegin(claim, leases.leaseFromNow())) {
            if (store.deleteIfExpiredOrAbandoned(scope, key, now) && store.tryBegin(claim, leases.leaseFromNow())) {
                return run(scope, key, work);
            }
            return awaitFirst(scope, key, requestHash);
        }
        return run(scope, key, work);
    }

    private Outcome run(String scope, String key, Supplier<StoredResponse> work) {
        StoredResponse response;
        try (LeaseKeeper.Held running = leases.hold(until -> store.renew(scope, key, until))) {
            response = work.get();
        } catch (RuntimeException e) {
            store.abandon(scope, key);
            throw e;
        }
        if (worthRetrying(response.status())) {
            store.abandon(scope, key);
        } else {
            store.complete(scope, key, new StoredResponse(response.status(),
                    cipher.seal(response.body()).ciphertext(), response.contentType()));
        }
        return new Outcome.Fresh(response);
    }

    private Outcome awaitFirst(String scope, String key, String requestHash) {
        Instant deadline = clock.instant().plus(waitForFirst);
        while (true) {
            Optional<IdempotencyRecord> existing = store.find(scope, key);
            if (existing.isEmpty()) {
                return new Outcome.InProgress();
            }
            if (!existing.get().requestHash().equals(requestHash)) {
                return new Outcome.Mismatch();
            }
            if (existing.get().response().isPresent()) {
                StoredResponse sealed = existing.get().response().get();
                return new Outcome.Replayed(new StoredResponse(sealed.status(),
                        cipher.open(new SealedSecret(sealed.body())), sealed.contentType()));
            }
            if (!clock.instant().isBefore(deadline)) {
                return new Outcome.InProgress();
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.InProgress();
            }
        }
    }

    private static boolean worthRetrying(int status) {
        return status >= 500 || status == 409 || status == 429;
    }

    public sealed interface Outcome {
        record Fresh(StoredResponse response) implements Outcome {
        }

        record Replayed(StoredResponse response) implements Outcome {
        }

        /** The same key was used with a different request. */
        record Mismatch() implements Outcome {
        }

        /** The first request with this key has not finished yet; retry later. */
        record InProgress() implements Outcome {
        }
    }
}
