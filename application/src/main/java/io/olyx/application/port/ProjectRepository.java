package io.olyx.application.port;

import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ProjectRepository {
    Project insert(String name, String description, ProjectSettings settings, Instant now);

    void update(Project project);

    Optional<Project> findById(ProjectId id);

    /**
     * As {@link #findById}, and locks the row until the surrounding {@link UnitOfWork} ends: a read-merge-write of the
     * stored document then waits for any other one (on any node) instead of overwriting what it merged.
     */
    Optional<Project> findForUpdate(ProjectId id);

    List<Project> list();

    /** Removes the project and everything that belongs to it (keys, models, traces, steps, collections...). */
    void deleteWithData(ProjectId id);

    /** Cost of every model call recorded since {@code since}, per project. */
    Map<ProjectId, BigDecimal> spendSince(Instant since);
}
