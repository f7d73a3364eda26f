package io.olyx.application.port;

import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {
    void insert(ApiKey key);

    void update(ApiKey key);

    Optional<ApiKey> findById(ApiKeyId id);

    /**
     * As {@link #findById}, and locks the row until the surrounding {@link UnitOfWork} ends: a read-merge-write of the
     * stored document then waits for any other one (on any node) instead of overwriting what it merged.
     */
    Optional<ApiKey> findForUpdate(ApiKeyId id);

    List<ApiKey> list(Optional<ProjectId> project);

    /** Moves a key to a new status only if it is still in {@code expected}; true when this call made the change. */
    boolean compareAndSetStatus(ApiKeyId id, KeyStatus expected, KeyStatus next);

    void incrementLoopInterventions(ApiKeyId id);

    /** Writes batched last-used times; a later time never loses to an earlier one. */
    void touchLastUsed(Collection<LastUse> uses);

    record LastUse(ApiKeyId id, Instant at) {
    }
}
