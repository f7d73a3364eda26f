package io.olyx.application.project;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.ProjectRepository;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.project.ProjectStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

public final class CreateProject {
    private final ProjectRepository projects;
    private final Auditor auditor;
    private final Clock clock;

    public CreateProject(ProjectRepository projects, Auditor auditor, Clock clock) {
        this.projects = projects;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** Empty when the actor may not create projects (admin/owner only, seed 001). */
    public Optional<Project> create(Command command, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            return Optional.empty();
        }
        Project.validateName(command.name());
        // archived is a state a project reaches: one created archived could never be used (its keys are refused)
        InvalidInput.require(command.status().orElse(ProjectStatus.ACTIVE) == ProjectStatus.ACTIVE, "status",
                "status must be active for a new project (archive it afterwards with PATCH)");
        ProjectSettings settings = new ProjectSettings(command.settings().orElse(Map.of()));
        SettingsCheck.validate(settings);
        Project project = projects.insert(command.name(), command.description().orElse(""), settings,
                clock.instant());
        auditor.record(AuditEventType.PROJECT_CREATED, Optional.of(actor.id().toString()),
                Optional.of(project.id().value()), origin, Map.of("name", project.name()));
        return Optional.of(project);
    }

    public record Command(String name, Optional<String> description, Optional<ProjectStatus> status,
                          Optional<Map<String, Object>> settings) {
    }
}
