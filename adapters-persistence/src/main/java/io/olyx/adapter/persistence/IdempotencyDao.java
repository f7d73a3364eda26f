package io.olyx.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(IdempotencyDao.Mapper.class)
interface IdempotencyDao {
    @SqlUpdate("""
            INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, created_at, expires_at, lease_until)
            VALUES (:scope, :key, :hash, 'in_progress', :createdAt, :expiresAt, :leaseUntil)""")
    void insert(@Bind("scope") String scope, @Bind("key") String key, @Bind("hash") String hash,
                @Bind("createdAt") OffsetDateTime createdAt, @Bind("expiresAt") OffsetDateTime expiresAt,
                @Bind("leaseUntil") OffsetDateTime leaseUntil);

    @SqlUpdate("""
            UPDATE idempotency_keys SET lease_until = :leaseUntil
            WHERE scope = :scope AND idem_key = :key AND state = 'in_progress'""")
    void renew(@Bind("scope") String scope, @Bind("key") String key, @Bind("leaseUntil") OffsetDateTime leaseUntil);

    @SqlQuery("SELECT * FROM idempotency_keys WHERE scope = :scope AND idem_key = :key")
    Optional<Row> find(@Bind("scope") String scope, @Bind("key") String key);

    @SqlUpdate("""
            UPDATE idempotency_keys SET state = 'completed', status = :status, response_body = :body,
                content_type = :contentType
            WHERE scope = :scope AND idem_key = :key""")
    void complete(@Bind("scope") String scope, @Bind("key") String key, @Bind("status") int status,
                  @Bind("body") String body, @Bind("contentType") String contentType);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE scope = :scope AND idem_key = :key AND state = 'in_progress'")
    void abandon(@Bind("scope") String scope, @Bind("key") String key);

    /** A claim with no lease (made before leases existed) is abandoned only by expiring. */
    @SqlUpdate("""
            DELETE FROM idempotency_keys WHERE scope = :scope AND idem_key = :key
                AND (expires_at <= :now OR (state = 'in_progress' AND lease_until <= :now))""")
    int deleteIfExpiredOrAbandoned(@Bind("scope") String scope, @Bind("key") String key,
                                   @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE expires_at <= :now")
    int purgeExpired(@Bind("now") OffsetDateTime now);

    record Row(String scope, String key, String requestHash, String state, Integer status, String body,
               String contentType, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            int status = rs.getInt("status");
            return new Row(rs.getString("scope"), rs.getString("idem_key"), rs.getString("request_hash"),
                    rs.getString("state"), rs.wasNull() ? null : status, rs.getString("response_body"),
                    rs.getString("content_type"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("expires_at", OffsetDateTime.class));
        }
    }
}
