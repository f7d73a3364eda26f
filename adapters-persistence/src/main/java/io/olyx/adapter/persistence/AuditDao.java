package io.olyx.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(AuditDao.Mapper.class)
interface AuditDao {
    @SqlUpdate("""
            INSERT INTO audit_events (event, actor, project_id, ip, user_agent, metadata, occurred_at)
            VALUES (:event, :actor, :projectId, :ip, :userAgent, :metadata, :occurredAt)""")
    void insert(@Bind("event") String event, @Bind("actor") String actor, @Bind("projectId") Long projectId,
                @Bind("ip") String ip, @Bind("userAgent") String userAgent, @Bind("metadata") String metadata,
                @Bind("occurredAt") OffsetDateTime occurredAt);

    @SqlQuery("""
            SELECT * FROM audit_events
            WHERE (:event IS NULL OR event = :event) AND (:projectId IS NULL OR project_id = :projectId)
              AND (:beforeId IS NULL OR id < :beforeId)
            ORDER BY id DESC LIMIT :limit""")
    List<Row> list(@Bind("event") String event, @Bind("projectId") Long projectId, @Bind("beforeId") Long beforeId,
                   @Bind("limit") int limit);

    record Row(long id, String event, String actor, Long projectId, String ip, String userAgent, String metadata,
               OffsetDateTime occurredAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("event"), rs.getString("actor"),
                    Rows.optionalLong(rs, "project_id").orElse(null), rs.getString("ip"), rs.getString("user_agent"),
                    rs.getString("metadata"), rs.getObject("occurred_at", OffsetDateTime.class));
        }
    }
}
