package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.idempotency.IdempotentRequests;
import io.olyx.application.idempotency.IdempotentRequests.Outcome;
import io.olyx.application.lease.LeaseKeeper;
import io.olyx.domain.idempotency.IdempotencyRecord;
import io.olyx.domain.idempotency.IdempotencyRecord.StoredResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a request claimed in the database before its node died (an Idempotency-Key) is taken over once its lease has
 * run out, and only then: a claim whose lease runs, or was renewed, keeps it. Leases are given as instants, as the
 * node's clock would give them; no test waits.
 */
abstract class AbandonedClaimsContract extends DatabaseContract {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void anUnfinishedKeyClaimIsTakenOverOnlyOnceItsLeaseRanOut() {
        IdempotencyRecord claim = new IdempotencyRecord("project:1", "key-" + NOW.toEpochMilli(), "hash",
                Optional.empty(), NOW, NOW.plus(Duration.ofHours(24)));
        IdempotencyRecord finished = new IdempotencyRecord("project:1", "finished-" + NOW.toEpochMilli(), "hash",
                Optional.empty(), NOW, NOW.plus(Duration.ofHours(24)));
        assertThat(db.idempotency().tryBegin(claim, NOW.plus(LEASE))).isTrue();
        assertThat(db.idempotency().tryBegin(finished, NOW.plus(LEASE))).isTrue();
        db.idempotency().complete(finished.scope(), finished.key(), new StoredResponse(200, "{}", "application/json"));

        boolean whileLive = db.idempotency().deleteIfExpiredOrAbandoned(claim.scope(), claim.key(), later(30));
        db.idempotency().renew(claim.scope(), claim.key(), later(40).plus(LEASE));
        boolean afterRenewal = db.idempotency().deleteIfExpiredOrAbandoned(claim.scope(), claim.key(), later(90));
        boolean afterLapse = db.idempotency().deleteIfExpiredOrAbandoned(claim.scope(), claim.key(), later(101));

        assertThat(whileLive).isFalse();
        assertThat(afterRenewal).isFalse();
        assertThat(afterLapse).isTrue();
        assertThat(db.idempotency().tryBegin(claim, later(101).plus(LEASE))).as("claimed afresh").isTrue();
        assertThat(db.idempotency().deleteIfExpiredOrAbandoned(finished.scope(), finished.key(), later(3600)))
                .as("a finished request's response is kept for its retries").isFalse();
    }

    /** The request's node died holding the key: the retry runs it, where it waited for a response never to come. */
    @Test
    void aRetryRunsTheRequestWhoseKeyClaimWasAbandoned() {
        String key = "dead-" + NOW.toEpochMilli();
        db.idempotency().tryBegin(new IdempotencyRecord("project:2", key, "hash", Optional.empty(), NOW,
                NOW.plus(Duration.ofHours(24))), NOW.plus(LEASE));
        StoredResponse answered = new StoredResponse(201, "{\"id\":\"t1\"}", "application/json");

        Outcome whileLive = requestsAt(later(30)).execute("project:2", key, "hash", () -> answered);
        Outcome afterLapse = requestsAt(later(61)).execute("project:2", key, "hash", () -> answered);
        Outcome replayed = requestsAt(later(62)).execute("project:2", key, "hash", () -> {
            throw new AssertionError("a finished request is not run again");
        });

        assertThat(whileLive).isEqualTo(new Outcome.InProgress());
        assertThat(afterLapse).isEqualTo(new Outcome.Fresh(answered));
        assertThat(replayed).isEqualTo(new Outcome.Replayed(answered));
    }

    /** On a clock that stands still, so a retry does not wait for a running first request: it would wait forever. */
    private IdempotentRequests requestsAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new IdempotentRequests(db.idempotency(), KeyVault.ofKey(new byte[32]).cipher(), new LeaseKeeper(clock),
                clock, Duration.ZERO, Duration.ofMillis(1));
    }

    private static Instant later(long seconds) {
        return NOW.plusSeconds(seconds);
    }
}
