package io.olyx.adapter.persistence;

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
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(AccountDao.Mapper.class)
interface AccountDao {
    @SqlUpdate("""
            INSERT INTO accounts (id, name, email, role, disabled, parameters, login_key_hash, created_at)
            VALUES (:id, :name, :email, :role, :disabled, :parameters, :loginKeyHash, :createdAt)""")
    void insert(@Bind("id") UUID id, @Bind("name") String name, @Bind("email") String email,
                @Bind("role") String role, @Bind("disabled") boolean disabled, @Bind("parameters") String parameters,
                @Bind("loginKeyHash") String loginKeyHash, @Bind("createdAt") OffsetDateTime createdAt);

    @SqlUpdate("""
            UPDATE accounts SET name = :name, role = :role, disabled = :disabled, parameters = :parameters
            WHERE id = :id""")
    void update(@Bind("id") UUID id, @Bind("name") String name, @Bind("role") String role,
                @Bind("disabled") boolean disabled, @Bind("parameters") String parameters);

    @SqlQuery("SELECT * FROM accounts WHERE id = :id")
    Optional<Row> findById(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM accounts WHERE id = :id FOR UPDATE")
    Optional<Row> findForUpdate(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM accounts WHERE login_key_hash = :hash")
    Optional<Row> findByLoginKeyHash(@Bind("hash") String hash);

    @SqlQuery("""
            SELECT * FROM accounts
            WHERE :query IS NULL OR LOWER(name) LIKE :query OR LOWER(email) LIKE :query OR CAST(id AS VARCHAR) = :exact
            ORDER BY created_at""")
    List<Row> list(@Bind("query") String likeQuery, @Bind("exact") String exact);

    @SqlQuery("SELECT COUNT(*) FROM accounts")
    long count();

    record Row(UUID id, String name, String email, String role, boolean disabled, String parameters,
               Instant createdAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("email"), rs.getString("role"),
                    rs.getBoolean("disabled"), rs.getString("parameters"), Rows.instant(rs, "created_at"));
        }
    }
}
