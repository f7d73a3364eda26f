package io.olyx.application.keys;

import io.olyx.application.port.ApiKeyRepository;
import io.olyx.application.port.ApiKeyRepository.LastUse;
import io.olyx.domain.keys.ApiKeyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers when each key was last used and writes those times in one batch now and then, so that authenticating a
 * request never costs a database write. At most one flush interval of last_used precision is lost in a crash.
 */
public final class LastUsedTracker {
    private final ApiKeyRepository keys;
    private final ConcurrentHashMap<ApiKeyId, Instant> pending = new ConcurrentHashMap<>();

    public LastUsedTracker(ApiKeyRepository keys) {
        this.keys = keys;
    }

    void markUsed(ApiKeyId id, Instant at) {
        pending.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The freshest time this node knows of that has not been written yet. */
    public Optional<Instant> pendingFor(ApiKeyId id) {
        return Optional.ofNullable(pending.get(id));
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<LastUse> batch = new ArrayList<>();
        for (Map.Entry<ApiKeyId, Instant> e : pending.entrySet()) {
            batch.add(new LastUse(e.getKey(), e.getValue()));
        }
        keys.touchLastUsed(batch);
        batch.forEach(use -> pending.remove(use.id(), use.at()));
    }
}
