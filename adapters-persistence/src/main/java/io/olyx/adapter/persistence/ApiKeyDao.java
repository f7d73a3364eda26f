package io.olyx.adapter.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ApiKeyDao.Mapper.class)
interface ApiKeyDao {
    @SqlUpdate("""
            INSERT INTO api_keys (id, project_id, name, secret_hash, masked, status, hourly_limit, expires_at,
                loop_intervention_count, last_used, created_at)
            VALUES (:id, :projectId, :name, :secretHash, :masked, :status, :hourlyLimit, :expiresAt, 0, NULL,
                :createdAt)""")
    void insert(@Bind("id") String id, @Bind("projectId") long projectId, @Bind("name") String name,
                @Bind("secretHash") String secretHash, @Bind("masked") String masked, @Bind("status") String status,
                @Bind("hourlyLimit") BigDecimal hourlyLimit, @Bind("expiresAt") OffsetDateTime expiresAt,
                @Bind("createdAt") OffsetDateTime createdAt);

    @SqlUpdate("""
            UPDATE api_keys SET name = :name, status = :status, hourly_limit = :hourlyLimit, expires_at = :expiresAt
            WHERE id = :id""")
    void update(@Bind("id") String id, @Bind("name") String name, @Bind("status") String status,
                @Bind("hourlyLimit") BigDecimal hourlyLimit, @Bind("expiresAt") OffsetDateTime expiresAt);

    @SqlQuery("SELECT * FROM api_keys WHERE id = :id")
    Optional<Row> findById(@Bind("id") String id);

    @SqlQuery("SELECT * FROM api_keys WHERE id = :id FOR UPDATE")
    Optional<Row> findForUpdate(@Bind("id") String id);

    @SqlQuery("SELECT * FROM api_keys WHERE :projectId IS NULL OR project_id = :projectId ORDER BY created_at, id")
    List<Row> list(@Bind("projectId") Long projectId);

    @SqlUpdate("UPDATE api_keys SET status = :next WHERE id = :id AND status = :expected")
    int compareAndSetStatus(@Bind("id") String id, @Bind("expected") String expected, @Bind("next") String next);

    @SqlUpdate("UPDATE api_keys SET loop_intervention_count = loop_intervention_count + 1 WHERE id = :id")
    void incrementLoopInterventions(@Bind("id") String id);

    @SqlBatch("""
            UPDATE api_keys SET last_used = :at WHERE id = :id AND (last_used IS NULL OR last_used < :at)""")
    void touchLastUsed(@Bind("id") List<String> ids, @Bind("at") List<OffsetDateTime> at);

    record Row(String id, long projectId, String name, String secretHash, String masked, String status,
               Optional<BigDecimal> hourlyLimit, Optional<Instant> expiresAt, int loopInterventionCount,
               Optional<Instant> lastUsed, Instant createdAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getString("id"), rs.getLong("project_id"), rs.getString("name"),
                    rs.getString("secret_hash"), rs.getString("masked"), rs.getString("status"),
                    Rows.optionalDecimal(rs, "hourly_limit"), Rows.optionalInstant(rs, "expires_at"),
                    rs.getInt("loop_intervention_count"), Rows.optionalInstant(rs, "last_used"),
                    Rows.instant(rs, "created_at"));
        }
    }
}
