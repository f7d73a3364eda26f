package io.olyx.application.project;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.keys.KeyDirectory;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.project.ProjectId;
import java.util.Map;
import java.util.Optional;

/** DELETE /api/v1/projects/:id removes the project with all its data (admin/owner only). */
public final class DeleteProject {
    private final ProjectRepository projects;
    private final UnitOfWork unitOfWork;
    private final KeyDirectory keyDirectory;
    private final Auditor auditor;

    public DeleteProject(ProjectRepository projects, UnitOfWork unitOfWork, KeyDirectory keyDirectory,
                         Auditor auditor) {
        this.projects = projects;
        this.unitOfWork = unitOfWork;
        this.keyDirectory = keyDirectory;
        this.auditor = auditor;
    }

    public Result delete(ProjectId id, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            return Result.FORBIDDEN;
        }
        boolean existed = unitOfWork.inTransaction(() -> {
            if (projects.findById(id).isEmpty()) {
                return false;
            }
            projects.deleteWithData(id);
            return true;
        });
        if (!existed) {
            return Result.NOT_FOUND;
        }
        keyDirectory.forgetProject(id);
        auditor.record(AuditEventType.PROJECT_DELETED, Optional.of(actor.id().toString()), Optional.of(id.value()),
                origin, Map.of());
        return Result.DELETED;
    }

    public enum Result { DELETED, NOT_FOUND, FORBIDDEN }
}
