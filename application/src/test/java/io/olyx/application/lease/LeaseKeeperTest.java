package io.olyx.application.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");

    private final LeaseKeeper leases = new LeaseKeeper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aHeldClaimIsRenewedALeaseFromNowUntilItsRequestEnds() {
        List<Instant> renewals = new ArrayList<>();
        LeaseKeeper.Held running = leases.hold(renewals::add);

        leases.renewAll();
        running.close();
        leases.renewAll();

        assertThat(renewals).containsExactly(NOW.plus(LeaseKeeper.LEASE));
        assertThat(leases.leaseFromNow()).isEqualTo(NOW.plus(LeaseKeeper.LEASE));
    }

    @Test
    void aRenewalThatFailsLeavesTheOthersRenewedAndIsTriedAgainNextTime() {
        List<Instant> renewals = new ArrayList<>();
        int[] failures = {0};
        leases.hold(until -> {
            failures[0]++;
            throw new IllegalStateException("the database is unreachable");
        });
        leases.hold(renewals::add);

        leases.renewAll();
        leases.renewAll();

        assertThat(failures[0]).isEqualTo(2);
        assertThat(renewals).hasSize(2);
    }
}
