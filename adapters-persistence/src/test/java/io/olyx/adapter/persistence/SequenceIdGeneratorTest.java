package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SequenceIdGeneratorTest {
    private final SequenceIdGenerator ids = new SequenceIdGenerator(null);

    @Test
    void uuidsMadeOneAfterAnotherAlwaysIncreaseEvenWithinAMillisecond() {
        UUID previous = ids.timeOrderedUuid();
        for (int i = 0; i < 100_000; i++) {
            UUID next = ids.timeOrderedUuid();
            assertThat(next.toString()).isGreaterThan(previous.toString());
            previous = next;
        }
    }

    @Test
    void theyAreVersion7WithTheirTimestampNearTheClock() {
        long before = System.currentTimeMillis();
        UUID id = ids.timeOrderedUuid();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis() + 1);
    }
}
