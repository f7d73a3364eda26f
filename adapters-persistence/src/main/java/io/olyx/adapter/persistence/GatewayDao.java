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

@RegisterRowMapper(GatewayDao.Mapper.class)
interface GatewayDao {
    @SqlUpdate("""
            INSERT INTO ai_gateways (id, project_id, name, slug, parameters_json, api_key_sealed, created_at,
                updated_at)
            VALUES (:id, :projectId, :name, :slug, :parametersJson, :apiKeySealed, :createdAt, :updatedAt)""")
    void insert(@BindMethods Row row);

    @SqlUpdate("""
            UPDATE ai_gateways SET name = :name, slug = :slug, parameters_json = :parametersJson,
                api_key_sealed = :apiKeySealed, updated_at = :updatedAt
            WHERE id = :id AND project_id = :projectId""")
    int update(@BindMethods Row row);

    @SqlQuery("SELECT * FROM ai_gateways WHERE project_id = :projectId AND id = :id")
    Optional<Row> find(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlQuery("SELECT * FROM ai_gateways WHERE project_id = :projectId AND id = :id FOR UPDATE")
    Optional<Row> findForUpdate(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlQuery("SELECT * FROM ai_gateways WHERE project_id = :projectId ORDER BY created_at, id")
    List<Row> list(@Bind("projectId") long projectId);

    @SqlUpdate("DELETE FROM ai_gateways WHERE project_id = :projectId AND id = :id")
    int delete(@Bind("projectId") long projectId, @Bind("id") UUID id);

    record Row(UUID id, long projectId, String name, String slug, String parametersJson, String apiKeySealed,
               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(Rows.uuid(rs, "id"), rs.getLong("project_id"), rs.getString("name"), rs.getString("slug"),
                    rs.getString("parameters_json"), rs.getString("api_key_sealed"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
        }
    }
}
