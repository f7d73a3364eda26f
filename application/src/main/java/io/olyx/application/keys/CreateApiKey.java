package io.olyx.application.keys;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.ApiKeyRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.TokenHasher;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.keys.RawApiKey;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** POST /api/v1/keys: a project-scoped key whose full value is returned exactly once. */
public final class CreateApiKey {
    private final ApiKeyRepository keys;
    private final ProjectRepository projects;
    private final TokenHasher hasher;
    private final IdGenerator ids;
    private final Auditor auditor;
    private final Clock clock;

    public CreateApiKey(ApiKeyRepository keys, ProjectRepository projects, TokenHasher hasher, IdGenerator ids,
                        Auditor auditor, Clock clock) {
        this.keys = keys;
        this.projects = projects;
        this.hasher = hasher;
        this.ids = ids;
        this.auditor = auditor;
        this.clock = clock;
    }

    public Result create(Command command, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            return new Result.Forbidden();
        }
        ApiKey.validateName(command.name());
        command.hourlyLimit().ifPresent(ApiKey::validateLimit);
        Instant now = clock.instant();
        // a key born expired is a mistake; PATCH may still set a past expiry, which is how a key is expired now
        command.expiresAt().ifPresent(at -> InvalidInput.require(at.isAfter(now), "expires_at",
                "expires_at must be in the future"));
        Optional<Project> project = projects.findById(command.projectId());
        if (project.isEmpty()) {
            return new Result.ProjectNotFound();
        }
        // its every call would be refused (403 project_archived), so the key could only mislead
        if (project.get().status() == ProjectStatus.ARCHIVED) {
            return new Result.ProjectArchived();
        }
        RawApiKey raw = new RawApiKey(new ApiKeyId("ak_" + ids.randomHex(8)), ids.randomHex(32));
        ApiKey key = new ApiKey(raw.id(), command.name(), command.projectId(), hasher.hash(raw.secret()),
                raw.masked(), KeyStatus.ACTIVE, command.hourlyLimit(), command.expiresAt(), 0, Optional.empty(), now);
        keys.insert(key);
        auditor.record(AuditEventType.KEY_CREATED, Optional.of(actor.id().toString()),
                Optional.of(command.projectId().value()), origin, Map.of("key_id", key.id().value()));
        return new Result.Created(key, raw.value(), project.get());
    }

    public record Command(String name, ProjectId projectId, Optional<BigDecimal> hourlyLimit,
                          Optional<Instant> expiresAt) {
    }

    public sealed interface Result {
        record Created(ApiKey key, String rawKey, Project project) implements Result {
        }

        record ProjectNotFound() implements Result {
        }

        record ProjectArchived() implements Result {
        }

        record Forbidden() implements Result {
        }
    }
}
