package io.olyx.adapter.persistence;

import io.olyx.domain.common.Characters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Documents of collections. Every statement names the collection, so one collection's call never touches another. */
@RegisterRowMapper(DocumentDao.Mapper.class)
interface DocumentDao {
    /** How much of the text's start a summary keeps for its preview, in UTF-16 units. */
    int HEAD_LENGTH = 400;
    /**
     * Everything but the text, plus its start for previews: one character more than the head keeps, so the mapper
     * cuts it between characters (H2 counts UTF-16 units and would split a surrogate pair at the bound).
     */
    String SUMMARY = """
            id, name, reference, tags, metadata, content_hash, index_state, revision, created_at, updated_at,
            indexed_at, SUBSTRING(contents FROM 1 FOR\s""" + (HEAD_LENGTH + 1) + ") AS head";
    String FULL = SUMMARY + ", contents";
    /** What upserts compare: no text at all (an upload reads this for every document of the collection). */
    String VERSION = """
            id, name, reference, tags, metadata, content_hash, index_state, revision, created_at, updated_at,
            indexed_at, '' AS head""";

    @SqlQuery("SELECT " + VERSION + " FROM rag_documents WHERE collection_id = :collection")
    List<Row> versions(@Bind("collection") UUID collection);

    @SqlQuery("SELECT " + VERSION + " FROM rag_documents WHERE collection_id = :collection AND name = :name")
    Optional<Row> byName(@Bind("collection") UUID collection, @Bind("name") String name);

    @SqlBatch("""
            INSERT INTO rag_documents (id, collection_id, name, reference, tags, metadata, contents, content_hash,
                index_state, revision, created_at, updated_at)
            VALUES (:id, :collection, :name, :reference, :tags, :metadata, :contents, :hash, 'Queued', 1, :now, :now)""")
    void insert(@Bind("collection") UUID collection, @Bind("id") List<UUID> ids, @Bind("name") List<String> names,
                @Bind("reference") List<String> references, @Bind("tags") List<String> tags,
                @Bind("metadata") List<String> metadata, @Bind("contents") List<String> contents,
                @Bind("hash") List<String> hashes, @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE rag_documents SET contents = :contents, content_hash = :hash, reference = :reference, tags = :tags,
                metadata = :metadata, index_state = 'Queued', revision = revision + 1, updated_at = :now
            WHERE collection_id = :collection AND id = :id""")
    void replaceText(@Bind("collection") UUID collection, @Bind("id") UUID id, @Bind("contents") String contents,
                     @Bind("hash") String hash, @Bind("reference") String reference, @Bind("tags") String tags,
                     @Bind("metadata") String metadata, @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE rag_documents SET reference = :reference, tags = :tags, metadata = :metadata, updated_at = :now
            WHERE collection_id = :collection AND id = :id""")
    void describe(@Bind("collection") UUID collection, @Bind("id") UUID id, @Bind("reference") String reference,
                  @Bind("tags") String tags, @Bind("metadata") String metadata, @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM rag_documents WHERE collection_id = :collection AND id IN (<ids>)")
    int delete(@Bind("collection") UUID collection, @BindList("ids") Collection<UUID> ids);

    @SqlUpdate("DELETE FROM rag_documents WHERE collection_id = :collection")
    int deleteAll(@Bind("collection") UUID collection);

    @SqlQuery("SELECT " + FULL + " FROM rag_documents WHERE collection_id = :collection AND id = :id")
    Optional<Row> find(@Bind("collection") UUID collection, @Bind("id") UUID id);

    @SqlQuery("SELECT " + FULL + " FROM rag_documents WHERE collection_id = :collection AND id IN (<ids>)")
    List<Row> findAll(@Bind("collection") UUID collection, @BindList("ids") Collection<UUID> ids);

    @SqlQuery("SELECT " + FULL + " FROM rag_documents WHERE collection_id = :collection ORDER BY id LIMIT :limit")
    List<Row> exportFirst(@Bind("collection") UUID collection, @Bind("limit") int limit);

    @SqlQuery("SELECT " + FULL + " FROM rag_documents WHERE collection_id = :collection AND id > :after"
            + " ORDER BY id LIMIT :limit")
    List<Row> exportAfter(@Bind("collection") UUID collection, @Bind("after") UUID after, @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE rag_documents SET index_state = 'Queued', revision = revision + 1
            WHERE collection_id = :collection""")
    int requeueAll(@Bind("collection") UUID collection);

    @SqlQuery("SELECT id, revision FROM rag_documents WHERE collection_id = :collection")
    @RegisterRowMapper(RevisionMapper.class)
    List<Revision> allRevisions(@Bind("collection") UUID collection);

    @SqlQuery("SELECT id, revision FROM rag_documents WHERE collection_id = :collection AND id IN (<ids>)")
    @RegisterRowMapper(RevisionMapper.class)
    List<Revision> revisions(@Bind("collection") UUID collection, @BindList("ids") Collection<UUID> ids);

    @SqlBatch("""
            UPDATE rag_documents SET index_state = :state, indexed_at = :indexedAt
            WHERE collection_id = :collection AND id = :id AND revision = :revision AND index_state = 'Queued'""")
    int[] finish(@Bind("collection") UUID collection, @Bind("id") List<UUID> ids,
                 @Bind("revision") List<Integer> revisions, @Bind("state") String state,
                 @Bind("indexedAt") OffsetDateTime indexedAt);

    @SqlQuery("""
            SELECT collection_id, index_state, COUNT(*) AS n FROM rag_documents
            WHERE collection_id IN (<collections>) GROUP BY collection_id, index_state""")
    @RegisterRowMapper(CountMapper.class)
    List<StateCount> counts(@BindList("collections") Collection<UUID> collections);

    record Row(UUID id, String name, String reference, String tags, String metadata, String contentHash,
               String state, int revision, Instant createdAt, Instant updatedAt, Instant indexedAt, String head,
               String contents) {
    }

    record Revision(UUID id, int revision) {
    }

    record StateCount(UUID collection, String state, long count) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            boolean full = rs.getMetaData().getColumnCount() > 12;
            return new Row(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("reference"),
                    rs.getString("tags"), rs.getString("metadata"), rs.getString("content_hash"),
                    rs.getString("index_state"), rs.getInt("revision"), Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"), Rows.instant(rs, "indexed_at"),
                    Characters.truncate(rs.getString("head"), HEAD_LENGTH),
                    full ? rs.getString("contents") : null);
        }
    }

    final class RevisionMapper implements RowMapper<Revision> {
        @Override
        public Revision map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Revision(Rows.uuid(rs, "id"), rs.getInt("revision"));
        }
    }

    final class CountMapper implements RowMapper<StateCount> {
        @Override
        public StateCount map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StateCount(Rows.uuid(rs, "collection_id"), rs.getString("index_state"), rs.getLong("n"));
        }
    }
}
