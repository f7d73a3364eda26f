package io.olyx.adapter.persistence;

import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(SessionDao.SessionMapper.class)
interface SessionDao {
    @SqlUpdate("""
            INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
            VALUES (:tokenHash, :accountId, :createdAt, :expiresAt)""")
    void insert(@Bind("tokenHash") String tokenHash, @Bind("accountId") UUID accountId,
                @Bind("createdAt") OffsetDateTime createdAt, @Bind("expiresAt") OffsetDateTime expiresAt);

    @SqlQuery("SELECT * FROM sessions WHERE token_hash = :tokenHash")
    Optional<Session> find(@Bind("tokenHash") String tokenHash);

    @SqlUpdate("DELETE FROM sessions WHERE token_hash = :tokenHash")
    void delete(@Bind("tokenHash") String tokenHash);

    @SqlUpdate("DELETE FROM sessions WHERE account_id = :accountId")
    void deleteAll(@Bind("accountId") UUID accountId);

    final class SessionMapper implements RowMapper<Session> {
        @Override
        public Session map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Session(rs.getString("token_hash"), new AccountId(Rows.uuid(rs, "account_id")),
                    Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"));
        }
    }
}
