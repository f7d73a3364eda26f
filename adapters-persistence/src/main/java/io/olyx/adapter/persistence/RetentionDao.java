package io.olyx.adapter.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Retention works in bounded batches, so a first purge of a long history never holds one huge transaction. */
interface RetentionDao {
    @SqlUpdate("""
            UPDATE steps SET input = NULL, output = NULL
            WHERE id IN (SELECT id FROM steps
                         WHERE project_id = :projectId AND created_at < :before
                           AND (input IS NOT NULL OR output IS NOT NULL)
                           AND (:model IS NULL OR model = :model)
                         LIMIT :batch)""")
    int clearPayloads(@Bind("projectId") long projectId, @Bind("before") OffsetDateTime before,
                      @Bind("model") String model, @Bind("batch") int batch);

    @SqlQuery("""
            SELECT id FROM traces WHERE project_id = :projectId AND created_at < :before
            ORDER BY created_at LIMIT :batch""")
    List<UUID> tracesBefore(@Bind("projectId") long projectId, @Bind("before") OffsetDateTime before,
                            @Bind("batch") int batch);

    @SqlUpdate("DELETE FROM steps WHERE project_id = :projectId AND trace_id IN (<traces>)")
    int deleteSteps(@Bind("projectId") long projectId, @BindList("traces") List<UUID> traces);

    @SqlUpdate("DELETE FROM traces WHERE project_id = :projectId AND id IN (<traces>)")
    int deleteTraces(@Bind("projectId") long projectId, @BindList("traces") List<UUID> traces);

    @SqlUpdate("""
            DELETE FROM steps WHERE project_id = :projectId AND created_at < :before
              AND NOT EXISTS (SELECT 1 FROM traces WHERE traces.id = steps.trace_id)""")
    int deleteOrphanSteps(@Bind("projectId") long projectId, @Bind("before") OffsetDateTime before);

    @SqlUpdate("""
            DELETE FROM steps WHERE project_id = :projectId
              AND NOT EXISTS (SELECT 1 FROM projects WHERE projects.id = :projectId)""")
    int deleteStepsOfDeletedProject(@Bind("projectId") long projectId);
}
