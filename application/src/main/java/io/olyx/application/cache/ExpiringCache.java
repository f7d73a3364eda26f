package io.olyx.application.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the hot path reads per project from the database, kept for a short time to live: this node's writes call
 * {@link #forget} at once, other nodes' writes show when the entry expires. Two callers loading the same key at the
 * same moment both load; the later one wins, which is harmless for read-only snapshots.
 */
public final class ExpiringCache<K, V> {
    private final Clock clock;
    private final Duration timeToLive;
    private final ConcurrentHashMap<K, Loaded<V>> entries = new ConcurrentHashMap<>();

    public ExpiringCache(Clock clock, Duration timeToLive) {
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    public V get(K key, Function<K, V> loader) {
        Instant now = clock.instant();
        Loaded<V> cached = entries.get(key);
        if (cached != null && cached.at().plus(timeToLive).isAfter(now)) {
            return cached.value();
        }
        V value = loader.apply(key);
        entries.put(key, new Loaded<>(value, now));
        return value;
    }

    public void forget(K key) {
        entries.remove(key);
    }

    private record Loaded<V>(V value, Instant at) {
    }
}
