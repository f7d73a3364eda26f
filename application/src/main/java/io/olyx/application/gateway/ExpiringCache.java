package io.olyx.application.gateway;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values kept, per key, until a time. Entries that have expired are dropped whenever a value is put, so a key that is
 * no longer asked for (the old URL or headers of an edited source, a deleted gateway's MCP server) does not stay in
 * memory for good: the cache holds at most the keys fetched within their own cache durations.
 */
final class ExpiringCache<K, V> {
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** The value of {@code key} if it is kept past {@code now}. */
    Optional<V> get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        return entry != null && entry.until().isAfter(now) ? Optional.of(entry.value()) : Optional.empty();
    }

    void put(K key, V value, Instant until, Instant now) {
        entries.values().removeIf(entry -> !entry.until().isAfter(now));
        if (until.isAfter(now)) {
            entries.put(key, new Entry<>(value, until));
        }
    }

    int size() {
        return entries.size();
    }

    private record Entry<V>(V value, Instant until) {
    }
}
