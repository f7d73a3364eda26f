package io.olyx.adapter.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(TraceDao.Mapper.class)
interface TraceDao {
    @SqlUpdate("""
            UPDATE traces SET status = :row.status, ended_at = :row.endedAt, summary = :row.summary,
                summary_steps = :row.summarySteps
            WHERE id = :row.id AND project_id = :row.projectId AND status = :expected""")
    int updateIfStatus(@BindMethods("row") Row row, @Bind("expected") String expected);

    @SqlUpdate("""
            UPDATE traces SET summary = :row.summary, summary_steps = :row.summarySteps
            WHERE id = :row.id AND project_id = :row.projectId AND status = :row.status
              AND (summary_steps IS NULL OR summary_steps < :row.summarySteps)""")
    int reviseSummary(@BindMethods("row") Row row);

    @SqlQuery("SELECT * FROM traces WHERE id = :id AND project_id = :projectId")
    Optional<Row> find(@Bind("projectId") long projectId, @Bind("id") UUID id);

    /** Through Jdbi, unlike the hot-path read, so that it joins the thread's transaction and its lock lasts. */
    @SqlQuery("SELECT * FROM traces WHERE id = :id AND project_id = :projectId FOR UPDATE")
    Optional<Row> findForUpdate(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlQuery("""
            SELECT * FROM traces WHERE project_id = :projectId AND (:status IS NULL OR status = :status)
            ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
    List<Row> list(@Bind("projectId") long projectId, @Bind("status") String status, @Bind("limit") int limit,
                   @Bind("offset") long offset);

    @SqlQuery("SELECT COUNT(*) FROM traces WHERE project_id = :projectId AND (:status IS NULL OR status = :status)")
    long count(@Bind("projectId") long projectId, @Bind("status") String status);

    record Row(UUID id, long projectId, String status, String metadata, BigDecimal revenue, String localRef,
               String distributionChannel, UUID replayOf, OffsetDateTime createdAt, OffsetDateTime endedAt,
               String summary, Integer summarySteps) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(Rows.uuid(rs, "id"), rs.getLong("project_id"), rs.getString("status"),
                    rs.getString("metadata"), rs.getBigDecimal("revenue"), rs.getString("local_ref"),
                    rs.getString("distribution_channel"), Rows.uuid(rs, "replay_of"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
                    rs.getString("summary"), rs.getObject("summary_steps", Integer.class));
        }
    }

    static Optional<Instant> instant(OffsetDateTime at) {
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
    }
}
