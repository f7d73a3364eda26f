package io.olyx.application.project;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.keys.KeyDirectory;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectChanges;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** PATCH /api/v1/projects/:id: name, description, status; settings merge so unmentioned keys are kept. */
public final class UpdateProject {
    private final ProjectRepository projects;
    private final UnitOfWork unitOfWork;
    private final KeyDirectory keyDirectory;
    private final Auditor auditor;
    private final Clock clock;

    public UpdateProject(ProjectRepository projects, UnitOfWork unitOfWork, KeyDirectory keyDirectory,
                         Auditor auditor, Clock clock) {
        this.projects = projects;
        this.unitOfWork = unitOfWork;
        this.keyDirectory = keyDirectory;
        this.auditor = auditor;
        this.clock = clock;
    }

    public Result update(ProjectId id, ProjectChanges changes, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            return new Result.Forbidden();
        }
        Result result = unitOfWork.inTransaction(() -> projects.findForUpdate(id)
                .<Result>map(project -> {
                    Project updated = project.updated(changes, clock.instant());
                    SettingsCheck.validate(updated.settings());
                    if (updated == project) {
                        return new Result.Updated(project, false);
                    }
                    projects.update(updated);
                    return new Result.Updated(updated, true);
                })
                .orElseGet(Result.NotFound::new));
        // only a change is audited: a PATCH that changes nothing leaves no trace, as for keys
        if (result instanceof Result.Updated updated && updated.changed()) {
            keyDirectory.forgetProject(id);
            Map<String, Object> changed = new LinkedHashMap<>();
            changes.name().ifPresent(n -> changed.put("name", n));
            changes.status().ifPresent(s -> changed.put("status", s.wire()));
            changes.settingsPatch().ifPresent(p -> changed.put("settings_keys", p.keySet().stream().sorted().toList()));
            auditor.record(AuditEventType.PROJECT_UPDATED, Optional.of(actor.id().toString()),
                    Optional.of(updated.project().id().value()), origin, changed);
        }
        return result;
    }

    public sealed interface Result {
        /** {@code changed} is false when the project already was as asked. */
        record Updated(Project project, boolean changed) implements Result {
        }

        record NotFound() implements Result {
        }

        record Forbidden() implements Result {
        }
    }
}
