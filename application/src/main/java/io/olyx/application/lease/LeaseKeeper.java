package io.olyx.application.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps alive the leases of what this node's requests have claimed in the shared database and hold while they run (an
 * Idempotency-Key, a caller's answers to tool calls). A claim is written with a lease of {@link #LEASE}; while its
 * request runs, {@link #renewAll} (called every {@link #RENEW_EVERY} by the node's scheduler) pushes the lease on, so
 * a request that waits on a slow model for an hour keeps its claim. A node that dies stops renewing: a lease that has
 * run out therefore names a request that is certainly gone, and a retry may take its claim over. Nothing here runs
 * per request except adding and removing one entry of a set, and only for requests that claim something.
 */
public final class LeaseKeeper {
    /**
     * How long a claim outlives the last renewal of its node: three renewal periods, so a renewal that fails or runs
     * late (a busy database, a long GC pause) is covered twice before another node may take the claim over. It is
     * also how long a caller's retry may have to wait after a node died.
     */
    public static final Duration LEASE = Duration.ofSeconds(60);
    public static final Duration RENEW_EVERY = LEASE.dividedBy(3);
    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());

    private final Set<Renewal> held = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public LeaseKeeper(Clock clock) {
        this.clock = clock;
    }

    /** The lease a claim made now gets. */
    public Instant leaseFromNow() {
        return clock.instant().plus(LEASE);
    }

    /** Keeps renewing {@code renewal}'s claim until the returned handle is closed (when its request ends). */
    public Held hold(Renewal renewal) {
        held.add(renewal);
        return () -> held.remove(renewal);
    }

    /** Renews every claim held now; one that fails is logged and retried at the next call, which the lease covers. */
    public void renewAll() {
        Instant until = leaseFromNow();
        for (Renewal renewal : held) {
            try {
                renewal.renew(until);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not renew the lease of a running request", e);
            }
        }
    }

    /** Writes a claim's new lease. */
    @FunctionalInterface
    public interface Renewal {
        void renew(Instant leaseUntil);
    }

    /** A claim being renewed; closing it stops the renewals (closing twice is harmless). */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
