package io.olyx.application.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottledCheckTest {
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicBoolean wanted = new AtomicBoolean(true);

    private boolean ask() {
        asked.incrementAndGet();
        return wanted.get();
    }

    @Test
    void asksAtOnceThenNotAgainWithinTheInterval() {
        ThrottledCheck check = new ThrottledCheck(this::ask, Duration.ofHours(1));
        assertThat(check.getAsBoolean()).isTrue();
        wanted.set(false);
        assertThat(check.getAsBoolean()).as("the answer as it stood").isTrue();
        assertThat(asked).hasValue(1);
    }

    @Test
    void asksEachTimeTheIntervalHasPassedAndANoIsFinal() {
        ThrottledCheck check = new ThrottledCheck(this::ask, Duration.ZERO);
        assertThat(check.getAsBoolean()).isTrue();
        wanted.set(false);
        assertThat(check.getAsBoolean()).isFalse();
        wanted.set(true);
        assertThat(check.getAsBoolean()).isFalse();
        assertThat(asked).hasValue(2);
    }
}
