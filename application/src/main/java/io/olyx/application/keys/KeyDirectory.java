package io.olyx.application.keys;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.ApiKeyRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.TokenHasher;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.keys.RawApiKey;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates API keys without a database round trip per request. Keys and their projects are cached for a few
 * seconds; every change made on this node (revoke, status reset, spend trip, project edit) evicts the entry at once,
 * and the short time-to-live bounds how long another node's change can go unseen.
 */
public final class KeyDirectory {
    private final ApiKeyRepository keys;
    private final ProjectRepository projects;
    private final TokenHasher hasher;
    private final LastUsedTracker lastUsed;
    private final Clock clock;
    private final Duration timeToLive;
    private final ConcurrentHashMap<ApiKeyId, Entry> cache = new ConcurrentHashMap<>();

    public KeyDirectory(ApiKeyRepository keys, ProjectRepository projects, TokenHasher hasher,
                        LastUsedTracker lastUsed, Clock clock, Duration timeToLive) {
        this.keys = keys;
        this.projects = projects;
        this.hasher = hasher;
        this.lastUsed = lastUsed;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    public Authentication authenticate(String presentedKey) {
        Optional<RawApiKey> raw = RawApiKey.parse(presentedKey);
        if (raw.isEmpty()) {
            return new Authentication.Rejected(Optional.empty());
        }
        Instant now = clock.instant();
        Optional<Entry> entry = lookup(raw.get().id(), now);
        if (entry.isEmpty() || !secretMatches(entry.get().key(), raw.get().secret())) {
            return new Authentication.Rejected(Optional.of(raw.get().id()));
        }
        ApiKey key = entry.get().key();
        KeyStatus status = key.effectiveStatus(now);
        if (status != KeyStatus.ACTIVE) {
            return new Authentication.Inactive(key, status);
        }
        if (entry.get().project().status() == ProjectStatus.ARCHIVED) {
            return new Authentication.ProjectArchived(key);
        }
        lastUsed.markUsed(key.id(), now);
        return new Authentication.Authenticated(new KeyCaller(key, entry.get().project()));
    }

    public void forgetKey(ApiKeyId id) {
        cache.remove(id);
    }

    public void forgetProject(ProjectId project) {
        cache.values().removeIf(e -> e.project().id().equals(project));
    }

    private Optional<Entry> lookup(ApiKeyId id, Instant now) {
        Entry cached = cache.get(id);
        if (cached != null && cached.loadedAt().plus(timeToLive).isAfter(now)) {
            return Optional.of(cached);
        }
        Optional<Entry> loaded = keys.findById(id).flatMap(key -> projects.findById(key.projectId())
                .map(project -> new Entry(key, project, now)));
        loaded.ifPresentOrElse(e -> cache.put(id, e), () -> cache.remove(id));
        return loaded;
    }

    private boolean secretMatches(ApiKey key, String secret) {
        return MessageDigest.isEqual(key.secretHash().getBytes(StandardCharsets.US_ASCII),
                hasher.hash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    private record Entry(ApiKey key, Project project, Instant loadedAt) {
    }

    public sealed interface Authentication {
        record Authenticated(KeyCaller caller) implements Authentication {
        }

        /** Malformed, unknown, or wrong secret; the id is known when the key was well-formed. */
        record Rejected(Optional<ApiKeyId> keyId) implements Authentication {
        }

        record Inactive(ApiKey key, KeyStatus status) implements Authentication {
        }

        record ProjectArchived(ApiKey key) implements Authentication {
        }
    }
}
