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
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ProjectDao.Mapper.class)
interface ProjectDao {
    @SqlUpdate("""
            INSERT INTO projects (name, description, status, settings, created_at, updated_at)
            VALUES (:name, :description, 'active', :settings, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("description") String description,
                @Bind("settings") String settings, @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE projects SET name = :name, description = :description, status = :status, settings = :settings,
                updated_at = :updatedAt
            WHERE id = :id""")
    void update(@Bind("id") long id, @Bind("name") String name, @Bind("description") String description,
                @Bind("status") String status, @Bind("settings") String settings,
                @Bind("updatedAt") OffsetDateTime updatedAt);

    @SqlQuery("SELECT * FROM projects WHERE id = :id")
    Optional<Row> findById(@Bind("id") long id);

    @SqlQuery("SELECT * FROM projects WHERE id = :id FOR UPDATE")
    Optional<Row> findForUpdate(@Bind("id") long id);

    @SqlQuery("SELECT * FROM projects ORDER BY id")
    List<Row> list();

    @SqlUpdate("DELETE FROM steps WHERE project_id = :id")
    void deleteSteps(@Bind("id") long id);

    @SqlUpdate("DELETE FROM jobs WHERE project_id = :id")
    void deleteJobs(@Bind("id") long id);

    @SqlUpdate("DELETE FROM projects WHERE id = :id")
    void delete(@Bind("id") long id);

    @SqlQuery("""
            SELECT project_id, SUM(cost) AS spend FROM steps
            WHERE created_at >= :since AND cost > 0
            GROUP BY project_id""")
    @RegisterRowMapper(SpendMapper.class)
    List<Spend> spendSince(@Bind("since") OffsetDateTime since);

    record Row(long id, String name, String description, String status, String settings, Instant createdAt,
               Instant updatedAt) {
    }

    record Spend(long projectId, BigDecimal amount) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                    rs.getString("status"), rs.getString("settings"), Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }

    final class SpendMapper implements RowMapper<Spend> {
        @Override
        public Spend map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Spend(rs.getLong("project_id"), rs.getBigDecimal("spend"));
        }
    }
}
