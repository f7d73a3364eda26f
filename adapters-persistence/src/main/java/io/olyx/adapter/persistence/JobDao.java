package io.olyx.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(JobDao.Mapper.class)
interface JobDao {
    @SqlUpdate("""
            INSERT INTO jobs (kind, project_id, payload, status, attempts, max_attempts, run_after, result, dedup_key,
                created_at, updated_at)
            VALUES (:kind, :projectId, :payload, 'queued', 0, :maxAttempts, :runAfter, '{}', :dedupKey, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("kind") String kind, @Bind("projectId") Long projectId, @Bind("payload") String payload,
                @Bind("maxAttempts") int maxAttempts, @Bind("runAfter") OffsetDateTime runAfter,
                @Bind("dedupKey") String dedupKey, @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT * FROM jobs WHERE dedup_key = :dedupKey AND status IN ('queued', 'running') ORDER BY id LIMIT 1")
    Optional<Row> findUnfinished(@Bind("dedupKey") String dedupKey);

    /**
     * Candidates only: the claim itself is the conditional UPDATE below, which is what keeps nodes apart. Projects
     * with fewer jobs running come first, then the oldest: one project's upload of thousands of documents takes
     * every free slot only while no other project has work waiting.
     */
    String READY_JOBS = """
            SELECT j.id FROM jobs j
            LEFT JOIN (SELECT project_id, COUNT(*) AS running FROM jobs
                       WHERE status = 'running' AND locked_until >= :now GROUP BY project_id) busy
              ON busy.project_id = j.project_id
            WHERE j.kind IN (<kinds>)
              AND ((j.status = 'queued' AND j.run_after <= :now) OR (j.status = 'running' AND j.locked_until < :now))
            ORDER BY COALESCE(busy.running, 0), j.run_after, j.id LIMIT :limit""";

    @SqlQuery(READY_JOBS)
    List<Long> candidates(@BindList("kinds") List<String> kinds, @Bind("now") OffsetDateTime now,
                          @Bind("limit") int limit);

    @SqlQuery(READY_JOBS + " FOR UPDATE OF j SKIP LOCKED")
    List<Long> candidatesSkipLocked(@BindList("kinds") List<String> kinds, @Bind("now") OffsetDateTime now,
                                    @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE jobs SET status = 'running', locked_by = :node, locked_until = :until, attempts = attempts + 1,
                updated_at = :now
            WHERE id = :id
              AND ((status = 'queued' AND run_after <= :now) OR (status = 'running' AND locked_until < :now))""")
    int claim(@Bind("id") long id, @Bind("node") String node, @Bind("until") OffsetDateTime until,
              @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE jobs SET status = 'succeeded', result = :result, locked_by = NULL, locked_until = NULL,
                updated_at = :now
            WHERE id = :id AND status = 'running' AND locked_by = :node""")
    int succeed(@Bind("id") long id, @Bind("node") String node, @Bind("result") String result,
                @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE jobs SET locked_until = :until, updated_at = :now
            WHERE id IN (<ids>) AND status = 'running' AND locked_by = :node""")
    int renew(@BindList("ids") List<Long> ids, @Bind("node") String node, @Bind("until") OffsetDateTime until,
              @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE jobs SET status = :status, last_error = :error, run_after = COALESCE(:retryAt, run_after),
                locked_by = NULL, locked_until = NULL, updated_at = :now
            WHERE id = :id AND status = 'running' AND locked_by = :node""")
    int fail(@Bind("id") long id, @Bind("node") String node, @Bind("status") String status,
             @Bind("error") String error, @Bind("retryAt") OffsetDateTime retryAt, @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT * FROM jobs WHERE id = :id")
    Optional<Row> find(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE jobs SET status = 'queued', locked_by = NULL, locked_until = NULL, run_after = :now,
                updated_at = :now
            WHERE status = 'running' AND locked_by = :node""")
    int release(@Bind("node") String node, @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM jobs WHERE status IN ('succeeded', 'failed') AND updated_at < :before")
    int purgeFinished(@Bind("before") OffsetDateTime before);

    record Row(long id, String kind, Long projectId, String payload, String status, int attempts, int maxAttempts,
               OffsetDateTime runAfter, String lockedBy, OffsetDateTime lockedUntil, String lastError, String result,
               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("kind"), Rows.optionalLong(rs, "project_id").orElse(null),
                    rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"), rs.getInt("max_attempts"),
                    rs.getObject("run_after", OffsetDateTime.class), rs.getString("locked_by"),
                    rs.getObject("locked_until", OffsetDateTime.class), rs.getString("last_error"),
                    rs.getString("result"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("updated_at", OffsetDateTime.class));
        }
    }
}
