package io.olyx.application.project;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.ProjectRepository;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
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
        ProjectSettings settings = new ProjectSettings(command.settings().orElse(Map.of()));
        SettingsCheck.validate(settings);
        Project project = projects.insert(command.name(), command.description().orElse(""), settings,
                clock.instant());
        auditor.record(AuditEventType.PROJECT_CREATED, Optional.of(actor.id().toString()),
                Optional.of(project.id().value()), origin, Map.of("name", project.name()));
        return Optional.of(project);
    }

    public record Command(String name, Optional<String> description, Optional<Map<String, Object>> settings) {
    }
}
