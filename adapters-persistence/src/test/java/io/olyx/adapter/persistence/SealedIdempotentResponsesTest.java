package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.idempotency.IdempotentRequests;
import io.olyx.application.idempotency.IdempotentRequests.Outcome;
import io.olyx.application.lease.LeaseKeeper;
import io.olyx.domain.idempotency.IdempotencyRecord.StoredResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A response kept for retries may hold a new key's secret or a completion: it rests sealed, and retries get it back. */
class SealedIdempotentResponsesTest {

    @Test
    void aKeptResponseRestsSealedAndARetryGetsItBackAsItWas() {
        try (Database db = Database.open(DatabaseSettings.inMemory("sealed-idempotency"))) {
            IdempotentRequests requests = new IdempotentRequests(db.idempotency(),
                    KeyVault.ofKey(new byte[32]).cipher(), new LeaseKeeper(Clock.systemUTC()), Clock.systemUTC(),
                    Duration.ofSeconds(1),
                    Duration.ofMillis(10));
            StoredResponse created = new StoredResponse(201, "{\"raw_key\":\"ak_1.s3cr3t-part\"}", "application/json");

            Outcome first = requests.execute("project:1", "key-create-1", "hash", () -> created);
            Outcome retry = requests.execute("project:1", "key-create-1", "hash", () -> {
                throw new AssertionError("a retry must not run the request again");
            });

            assertThat(first).isEqualTo(new Outcome.Fresh(created));
            assertThat(retry).isEqualTo(new Outcome.Replayed(created));
            String atRest = db.idempotency().find("project:1", "key-create-1").orElseThrow().response().orElseThrow()
                    .body();
            assertThat(atRest).startsWith("v1:").doesNotContain("s3cr3t").doesNotContain("raw_key");
        }
    }
}
