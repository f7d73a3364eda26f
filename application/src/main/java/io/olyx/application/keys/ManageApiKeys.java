package io.olyx.application.keys;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.ApiKeyRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyChanges;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Listing, updating (status reset, hourly limit, expiry) and revoking keys from the control plane. */
public final class ManageApiKeys {
    private final ApiKeyRepository keys;
    private final ProjectRepository projects;
    private final UnitOfWork unitOfWork;
    private final KeyDirectory directory;
    private final LastUsedTracker lastUsed;
    private final Auditor auditor;
    private final Clock clock;

    public ManageApiKeys(ApiKeyRepository keys, ProjectRepository projects, UnitOfWork unitOfWork,
                         KeyDirectory directory, LastUsedTracker lastUsed, Auditor auditor, Clock clock) {
        this.keys = keys;
        this.projects = projects;
        this.unitOfWork = unitOfWork;
        this.directory = directory;
        this.lastUsed = lastUsed;
        this.auditor = auditor;
        this.clock = clock;
    }

    public List<KeyView> list(Optional<ProjectId> project) {
        Map<ProjectId, Project> byId = projects.list().stream()
                .collect(Collectors.toMap(Project::id, Function.identity()));
        return keys.list(project).stream()
                .filter(k -> byId.containsKey(k.projectId()))
                .map(k -> view(k, byId.get(k.projectId())))
                .toList();
    }

    public Result update(ApiKeyId id, KeyChanges changes, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            return new Result.Forbidden();
        }
        changes.name().ifPresent(ApiKey::validateName);
        changes.hourlyLimit().flatMap(Function.identity()).ifPresent(ApiKey::validateLimit);
        Result result = unitOfWork.inTransaction(() -> {
            Optional<ApiKey> found = keys.findForUpdate(id);
            if (found.isEmpty()) {
                return new Result.NotFound();
            }
            ApiKey key = found.get();
            Instant now = clock.instant();
            KeyStatus current = key.effectiveStatus(now);
            if (changes.status().filter(s -> !current.canChangeTo(s)).isPresent()) {
                return new Result.InvalidStatus(current, changes.status().get());
            }
            // a new expires_at would bring an expired key back to life, which re-activating it directly cannot
            if (key.expired(now) && changes.expiresAt().filter(at -> !at.equals(key.expiresAt())).isPresent()) {
                return new Result.ExpiryPassed(key.expiresAt().orElseThrow());
            }
            ApiKey updated = key.updated(changes);
            if (updated.equals(key)) {
                return new Result.Updated(key, false);
            }
            keys.update(updated);
            return new Result.Updated(updated, true);
        });
        // only a change is audited: revoking a revoked key again must not read as a second revocation
        if (result instanceof Result.Updated updated && updated.changed()) {
            directory.forgetKey(id);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("key_id", id.value());
            changes.status().ifPresent(s -> metadata.put("status", s.wire()));
            changes.hourlyLimit().ifPresent(l -> metadata.put("hourly_limit", l.map(Object::toString).orElse("none")));
            auditor.record(changes.status().filter(s -> s == KeyStatus.REVOKED).isPresent()
                            ? AuditEventType.KEY_REVOKED : AuditEventType.KEY_UPDATED,
                    Optional.of(actor.id().toString()), Optional.of(updated.key().projectId().value()), origin,
                    metadata);
        }
        return result;
    }

    public Result revoke(ApiKeyId id, Account actor, RequestOrigin origin) {
        return update(id, new KeyChanges(Optional.empty(), Optional.of(KeyStatus.REVOKED), Optional.empty(),
                Optional.empty()), actor, origin);
    }

    public KeyView view(ApiKey key, Project project) {
        ApiKey shown = lastUsed.pendingFor(key.id())
                .filter(at -> key.lastUsed().map(at::isAfter).orElse(true))
                .map(key::withLastUsed)
                .orElse(key);
        return new KeyView(shown, shown.effectiveStatus(clock.instant()), project);
    }

    public record KeyView(ApiKey key, KeyStatus status, Project project) {
    }

    public sealed interface Result {
        /** {@code changed} is false when the key already was as asked (e.g. revoking a revoked key). */
        record Updated(ApiKey key, boolean changed) implements Result {
        }

        record NotFound() implements Result {
        }

        record Forbidden() implements Result {
        }

        record InvalidStatus(KeyStatus from, KeyStatus to) implements Result {
        }

        record ExpiryPassed(Instant expiredAt) implements Result {
        }
    }
}
