package io.olyx.adapter.persistence;

import io.olyx.application.port.IdGenerator;
import io.olyx.domain.trace.StepId;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Step ids come from a database sequence that steps by {@value #BLOCK}: each nextval reserves a block of ids for this
 * node, so ids stay unique across nodes while costing one round trip per {@value #BLOCK} steps. Trace ids are UUIDv7.
 */
final class SequenceIdGenerator implements IdGenerator {
    static final int BLOCK = 50;

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();
    private long next;
    private long limit;

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

    @Override
    public UUID timeOrderedUuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        long millis = System.currentTimeMillis();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (bytes[i] & 0xff);
            lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    @Override
    public String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
