package io.olyx.application.rag;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Asks a costly yes-or-no question at most once per interval, whichever thread asks, and answers the last answer in
 * between. A no is final: work found unwanted stays unwanted.
 */
final class ThrottledCheck implements BooleanSupplier {
    private final BooleanSupplier question;
    private final long intervalNanos;
    private final AtomicLong nextAskNanos = new AtomicLong(System.nanoTime());
    private volatile boolean answer = true;

    ThrottledCheck(BooleanSupplier question, Duration interval) {
        this.question = question;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.nanoTime();
        long next = nextAskNanos.get();
        // one caller per interval wins the right to ask; the others take the answer as it stands
        if (answer && now - next >= 0 && nextAskNanos.compareAndSet(next, now + intervalNanos)
                && !question.getAsBoolean()) {
            answer = false;
        }
        return answer;
    }
}
