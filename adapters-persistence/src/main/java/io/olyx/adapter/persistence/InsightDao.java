package io.olyx.adapter.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(InsightDao.Row.class)
interface InsightDao {
    @SqlQuery("""
            SELECT * FROM insights WHERE project_id = :projectId AND (:status IS NULL OR status = :status)
            ORDER BY created_at DESC, id DESC""")
    List<Row> list(@Bind("projectId") long projectId, @Bind("status") String status);

    @SqlQuery("SELECT * FROM insights WHERE project_id = :projectId AND id = :id")
    Optional<Row> find(@Bind("projectId") long projectId, @Bind("id") long id);

    @SqlUpdate("""
            INSERT INTO insights (project_id, insight_type, intent, dedup_key, status, data, estimated_savings_usd,
                created_at, updated_at)
            VALUES (:projectId, :insightType, :intent, :dedupKey, :status, :data, :estimatedSavingsUsd, :createdAt,
                :updatedAt)""")
    void insert(@BindMethods Row row);

    @SqlUpdate("""
            UPDATE insights SET status = :status, data = :data, estimated_savings_usd = :savings, updated_at = :now
            WHERE id = :id""")
    void update(@Bind("id") long id, @Bind("status") String status, @Bind("data") String data,
                @Bind("savings") BigDecimal savings, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE insights SET status = :status, updated_at = :now WHERE project_id = :projectId AND id = :id")
    int setStatus(@Bind("projectId") long projectId, @Bind("id") long id, @Bind("status") String status,
                  @Bind("now") OffsetDateTime now);

    record Row(Long id, long projectId, String insightType, String intent, String dedupKey, String status,
               String data, BigDecimal estimatedSavingsUsd, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }
}
