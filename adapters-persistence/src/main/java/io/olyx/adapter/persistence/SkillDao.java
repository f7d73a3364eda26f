package io.olyx.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
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

@RegisterRowMapper(SkillDao.Mapper.class)
interface SkillDao {
    @SqlUpdate("""
            INSERT INTO skills (id, project_id, slug, description, instructions, options_json, created_at)
            VALUES (:id, :projectId, :slug, :description, :instructions, :optionsJson, :createdAt)""")
    void insert(@BindMethods Row row);

    @SqlUpdate("""
            UPDATE skills SET slug = :slug, description = :description, instructions = :instructions,
                options_json = :optionsJson
            WHERE id = :id AND project_id = :projectId""")
    int update(@BindMethods Row row);

    @SqlQuery("SELECT * FROM skills WHERE project_id = :projectId AND id = :id")
    Optional<Row> find(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlQuery("SELECT * FROM skills WHERE project_id = :projectId ORDER BY created_at, id")
    List<Row> list(@Bind("projectId") long projectId);

    @SqlUpdate("DELETE FROM skills WHERE project_id = :projectId AND id = :id")
    int delete(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlUpdate("DELETE FROM skills WHERE project_id = :projectId")
    int deleteAll(@Bind("projectId") long projectId);

    record Row(UUID id, long projectId, String slug, String description, String instructions, String optionsJson,
               OffsetDateTime createdAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(Rows.uuid(rs, "id"), rs.getLong("project_id"), rs.getString("slug"),
                    rs.getString("description"), rs.getString("instructions"), rs.getString("options_json"),
                    rs.getObject("created_at", OffsetDateTime.class));
        }
    }
}
