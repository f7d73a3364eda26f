package io.olyx.application.project;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.keys.KeyDirectory;
import io.olyx.application.port.JobQueue;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * DELETE /api/v1/projects/:id removes the project with all its data (admin/owner only), and queues the sweeps that
 * remove the steps its calls still in flight record afterwards ({@link SweepDeletedProject}).
 */
public final class DeleteProject {
    private final ProjectRepository projects;
    private final UnitOfWork unitOfWork;
    private final KeyDirectory keyDirectory;
    private final Auditor auditor;
    private final JobQueue jobs;
    private final Clock clock;

    public DeleteProject(ProjectRepository projects, UnitOfWork unitOfWork, KeyDirectory keyDirectory,
                         Auditor auditor, JobQueue jobs, Clock clock) {
        this.projects = projects;
        this.unitOfWork = unitOfWork;
        this.keyDirectory = keyDirectory;
        this.auditor = auditor;
        this.jobs = jobs;
        this.clock = clock;
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
            Instant now = clock.instant();
            for (NewJob sweep : SweepDeletedProject.after(id, now)) {
                jobs.enqueue(sweep, now);
            }
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
