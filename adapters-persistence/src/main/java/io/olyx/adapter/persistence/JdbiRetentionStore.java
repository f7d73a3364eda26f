package io.olyx.adapter.persistence;

import io.olyx.application.port.RetentionStore;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

final class JdbiRetentionStore implements RetentionStore {
    static final int BATCH = 1_000;

    private final Jdbi jdbi;
    private final RetentionDao dao;

    JdbiRetentionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = ForeignKeys.onDemand(jdbi, RetentionDao.class);
    }

    @Override
    public long clearPayloads(ProjectId project, Instant before, Optional<String> model) {
        long total = 0;
        int cleared;
        do {
            cleared = dao.clearPayloads(project.value(), Rows.utc(before), model.orElse(null), BATCH);
            total += cleared;
        } while (cleared == BATCH);
        return total;
    }

    @Override
    public long deleteTraces(ProjectId project, Instant before) {
        long total = 0;
        List<UUID> batch;
        do {
            batch = dao.tracesBefore(project.value(), Rows.utc(before), BATCH);
            List<UUID> traces = batch;
            if (!traces.isEmpty()) {
                total += jdbi.inTransaction(handle -> {
                    RetentionDao tx = handle.attach(RetentionDao.class);
                    tx.deleteSteps(project.value(), traces);
                    return tx.deleteTraces(project.value(), traces);
                });
            }
        } while (batch.size() == BATCH);
        return total;
    }

    /** One statement: the range under the trace cutoff holds only steps whose trace a purge already deleted. */
    @Override
    public long deleteOrphanSteps(ProjectId project, Instant before) {
        return dao.deleteOrphanSteps(project.value(), Rows.utc(before));
    }

    /** One statement: a deleted project's steps are the few its last calls recorded after the deletion. */
    @Override
    public long deleteStepsOfDeletedProject(ProjectId project) {
        return dao.deleteStepsOfDeletedProject(project.value());
    }
}
