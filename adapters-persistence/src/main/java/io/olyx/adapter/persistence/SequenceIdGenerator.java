package io.olyx.adapter.persistence;

import io.olyx.application.port.IdGenerator;
import io.olyx.domain.trace.StepId;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Step ids come from a database sequence that steps by {@value #BLOCK}: each nextval reserves a block of ids for this
 * node, so ids stay unique across nodes while costing one round trip per {@value #BLOCK} steps. Trace, document and
 * the other ids are UUIDv7, each greater than the one this node made before.
 */
final class SequenceIdGenerator implements IdGenerator {
    static final int BLOCK = 50;
    private static final int COUNTER_LIMIT = 1 << 12;
    private static final long VERSION_7 = 0x7000;

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();
    private long next;
    private long limit;
    /** Guards the UUID clock apart from the step ids, whose refill waits on the database. */
    private final Object clockLock = new Object();
    private long lastMillis;
    private int counter;

    SequenceIdGenerator(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public synchronized StepId nextStepId() {
        if (next >= limit) {
            long start = jdbi.withHandle(h -> h.createQuery("SELECT nextval('step_ids')").mapTo(Long.class).one());
            next = start;
            limit = start + BLOCK;
        }
        return new StepId(next++);
    }

    /**
     * A UUIDv7 (RFC 9562) whose 12 bits after the version count up within a millisecond (the RFC's method 1), so the
     * ids this node makes only ever increase. Rows made together share a creation time (one upload's documents do),
     * and their id is what orders them after it: with random bits there, they came back in random order rather than
     * the order they were made in. The counter starts at a random point in its lower half, leaving room for 2,048 ids
     * a millisecond at least; past its end, or when the clock steps back, the id borrows the next millisecond.
     */
    @Override
    public UUID timeOrderedUuid() {
        long variantAndRandom = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(nextTimeAndCounter(), variantAndRandom);
    }

    private long nextTimeAndCounter() {
        synchronized (clockLock) {
            long millis = System.currentTimeMillis();
            if (millis > lastMillis) {
                lastMillis = millis;
                counter = random.nextInt(COUNTER_LIMIT / 2);
            } else if (++counter == COUNTER_LIMIT) {
                lastMillis++;
                counter = 0;
            }
            return lastMillis << 16 | VERSION_7 | counter;
        }
    }

    @Override
    public String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
