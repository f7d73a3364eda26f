package io.olyx.application.port;

import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayId;
import io.olyx.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;

/** A project's AI gateways. Slugs are unique within a project; {@link #insert} reports a taken slug. */
public interface GatewayRepository {
    /** False when the slug is already used in the project (nothing is written then). */
    boolean insert(Gateway gateway);

    /** False when the new slug is already used by another gateway of the project. */
    boolean update(Gateway gateway);

    Optional<Gateway> find(ProjectId project, GatewayId id);

    /**
     * As {@link #find}, and locks the row until the surrounding {@link UnitOfWork} ends: a read-merge-write of the
     * stored document then waits for any other one (on any node) instead of overwriting what it merged.
     */
    Optional<Gateway> findForUpdate(ProjectId project, GatewayId id);

    List<Gateway> list(ProjectId project);

    boolean delete(ProjectId project, GatewayId id);
}
