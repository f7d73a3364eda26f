package io.olyx.adapter.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ModelDao.Mapper.class)
interface ModelDao {
    @SqlQuery("SELECT nextval('model_ids')")
    long nextId();

    @SqlUpdate("""
            INSERT INTO models (id, project_id, name, identifier, provider, base_url, api_key_sealed, is_public,
                input_cost_per_1k, output_cost_per_1k, data_retention_days, region_restriction, currency,
                additional_config, created_at, updated_at)
            VALUES (:id, :projectId, :name, :identifier, :provider, :baseUrl, :apiKeySealed, :isPublic,
                :inputCostPer1k, :outputCostPer1k, :dataRetentionDays, :regionRestriction, :currency,
                :additionalConfig, :createdAt, :updatedAt)""")
    void insert(@BindMethods Row row);

    @SqlUpdate("""
            UPDATE models SET name = :name, identifier = :identifier, provider = :provider, base_url = :baseUrl,
                api_key_sealed = :apiKeySealed, is_public = :isPublic, input_cost_per_1k = :inputCostPer1k,
                output_cost_per_1k = :outputCostPer1k, data_retention_days = :dataRetentionDays,
                region_restriction = :regionRestriction, currency = :currency,
                additional_config = :additionalConfig, updated_at = :updatedAt
            WHERE id = :id AND project_id = :projectId""")
    void update(@BindMethods Row row);

    @SqlQuery("SELECT * FROM models WHERE project_id = :projectId AND id = :id")
    Optional<Row> findById(@Bind("projectId") long projectId, @Bind("id") long id);

    @SqlQuery("SELECT * FROM models WHERE project_id = :projectId AND id = :id FOR UPDATE")
    Optional<Row> findForUpdate(@Bind("projectId") long projectId, @Bind("id") long id);

    @SqlQuery("SELECT * FROM models WHERE project_id = :projectId AND identifier = :identifier")
    Optional<Row> findByIdentifier(@Bind("projectId") long projectId, @Bind("identifier") String identifier);

    @SqlQuery("SELECT * FROM models WHERE project_id = :projectId ORDER BY id")
    List<Row> list(@Bind("projectId") long projectId);

    @SqlUpdate("DELETE FROM models WHERE project_id = :projectId AND id = :id")
    int delete(@Bind("projectId") long projectId, @Bind("id") long id);

    record Row(long id, long projectId, String name, String identifier, String provider, String baseUrl,
               String apiKeySealed, boolean isPublic, BigDecimal inputCostPer1k, BigDecimal outputCostPer1k,
               int dataRetentionDays, String regionRestriction, String currency, String additionalConfig,
               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
                    rs.getString("identifier"), rs.getString("provider"), rs.getString("base_url"),
                    rs.getString("api_key_sealed"), rs.getBoolean("is_public"), rs.getBigDecimal("input_cost_per_1k"),
                    rs.getBigDecimal("output_cost_per_1k"), rs.getInt("data_retention_days"),
                    rs.getString("region_restriction"), rs.getString("currency"), rs.getString("additional_config"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
        }
    }
}
