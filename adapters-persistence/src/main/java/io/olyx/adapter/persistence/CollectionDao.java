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

@RegisterRowMapper(CollectionDao.Mapper.class)
interface CollectionDao {
    @SqlUpdate("""
            INSERT INTO rag_collections (id, project_id, name, context, tags, created_at, updated_at)
            VALUES (:id, :projectId, :name, :context, :tags, :createdAt, :updatedAt)""")
    void insert(@Bind("id") UUID id, @Bind("projectId") long projectId, @Bind("name") String name,
                @Bind("context") String context, @Bind("tags") String tags,
                @Bind("createdAt") OffsetDateTime createdAt, @Bind("updatedAt") OffsetDateTime updatedAt);

    @SqlUpdate("""
            UPDATE rag_collections SET name = :name, context = :context, tags = :tags, updated_at = :updatedAt
            WHERE id = :id AND project_id = :projectId""")
    void update(@Bind("id") UUID id, @Bind("projectId") long projectId, @Bind("name") String name,
                @Bind("context") String context, @Bind("tags") String tags,
                @Bind("updatedAt") OffsetDateTime updatedAt);

    @SqlQuery("SELECT * FROM rag_collections WHERE id = :id")
    Optional<Row> findAny(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM rag_collections WHERE project_id = :projectId ORDER BY created_at, id")
    List<Row> list(@Bind("projectId") long projectId);

    @SqlQuery("SELECT * FROM rag_collections ORDER BY created_at, id")
    List<Row> listAll();

    @SqlUpdate("DELETE FROM rag_collections WHERE id = :id AND project_id = :projectId")
    int delete(@Bind("projectId") long projectId, @Bind("id") UUID id);

    record Row(UUID id, long projectId, String name, String context, String tags, Instant createdAt,
               Instant updatedAt) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(Rows.uuid(rs, "id"), rs.getLong("project_id"), rs.getString("name"),
                    rs.getString("context"), rs.getString("tags"), Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }
}
