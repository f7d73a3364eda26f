package io.olyx.application.port;

import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.ModelId;
import io.olyx.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;

public interface ModelRepository {
    ModelId nextId();

    /** False when the project already has a model with this identifier (a concurrent request got there first). */
    boolean insert(ModelDefinition model);

    /** False when the new identifier is already another model's in the project. */
    boolean update(ModelDefinition model);

    Optional<ModelDefinition> findById(ProjectId project, ModelId id);

    /**
     * As {@link #findById}, and locks the row until the surrounding {@link UnitOfWork} ends: a read-merge-write of the
     * stored document then waits for any other one (on any node) instead of overwriting what it merged.
     */
    Optional<ModelDefinition> findForUpdate(ProjectId project, ModelId id);

    Optional<ModelDefinition> findByIdentifier(ProjectId project, String identifier);

    List<ModelDefinition> list(ProjectId project);

    boolean delete(ProjectId project, ModelId id);
}
