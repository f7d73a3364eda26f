package io.olyx.application.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} login attempts per remote address per minute. Kept per node on purpose: it slows down
 * guessing from one address, and login keys are 256-bit random (or operator-chosen and HMAC-hashed), so a
 * cluster-wide count would add a database write per attempt without changing the odds.
 */
public final class LoginThrottle {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final int limit;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public LoginThrottle(int limit) {
        this.limit = limit;
    }

    /** Counts an attempt; returns how long to wait when the address is over its limit. */
    public Optional<Duration> attempt(String address, Instant now) {
        long minute = now.getEpochSecond() / WINDOW.toSeconds();
        if (windows.size() > MAX_TRACKED_ADDRESSES) {
            windows.values().removeIf(w -> w.minute < minute);
        }
        Window window = windows.compute(address,
                (a, w) -> w == null || w.minute != minute ? new Window(minute, 1) : new Window(minute, w.count + 1));
        if (window.count <= limit) {
            return Optional.empty();
        }
        long secondsLeft = (minute + 1) * WINDOW.toSeconds() - now.getEpochSecond();
        return Optional.of(Duration.ofSeconds(Math.max(1, secondsLeft)));
    }

    private record Window(long minute, int count) {
    }
}
