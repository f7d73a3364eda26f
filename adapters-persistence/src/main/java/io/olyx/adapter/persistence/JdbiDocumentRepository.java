package io.olyx.adapter.persistence;

import io.olyx.application.port.DocumentRepository;
import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.ContentHash;
import io.olyx.domain.rag.DocumentFilter;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.DocumentOrder;
import io.olyx.domain.rag.DocumentSummary;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.IndexState;
import io.olyx.domain.rag.KnowledgeDocument;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

final class JdbiDocumentRepository implements DocumentRepository {
    private static final DocumentDao.Mapper ROWS = new DocumentDao.Mapper();

    private final Jdbi jdbi;
    private final DocumentDao dao;
    private final HotPath hotPath;
    private final JsonCodec json;

    JdbiDocumentRepository(Jdbi jdbi, HotPath hotPath, JsonCodec json) {
        this.jdbi = jdbi;
        this.dao = ForeignKeys.onDemand(jdbi, DocumentDao.class);
        this.hotPath = hotPath;
        this.json = json;
    }

    @Override
    public List<DocumentVersion> versions(CollectionId collection) {
        return dao.versions(collection.value()).stream().map(this::version).toList();
    }

    @Override
    public Optional<DocumentVersion> versionByName(CollectionId collection, String name) {
        return dao.byName(collection.value(), name).map(this::version);
    }

    @Override
    public void insert(CollectionId collection, List<NewDocument> documents, Instant now) {
        if (documents.isEmpty()) {
            return;
        }
        dao.insert(collection.value(), documents.stream().map(d -> d.id().value()).toList(),
                documents.stream().map(NewDocument::name).toList(),
                documents.stream().map(d -> d.fields().reference().orElse(null)).toList(),
                documents.stream().map(d -> json.write(d.fields().tags())).toList(),
                documents.stream().map(d -> d.fields().metadata().json()).toList(),
                documents.stream().map(NewDocument::contents).toList(),
                documents.stream().map(d -> ContentHash.of(d.contents())).toList(),
                Rows.utc(now));
    }

    @Override
    public void replaceText(CollectionId collection, DocumentVersion version, String contents,
                            DocumentVersion.Fields fields, Instant now) {
        dao.replaceText(collection.value(), version.id().value(), contents,
                ContentHash.of(contents), fields.reference().orElse(null),
                json.write(fields.tags()), fields.metadata().json(), Rows.utc(now));
    }

    @Override
    public void describe(CollectionId collection, DocumentId id, DocumentVersion.Fields fields, Instant now) {
        dao.describe(collection.value(), id.value(), fields.reference().orElse(null), json.write(fields.tags()),
                fields.metadata().json(), Rows.utc(now));
    }

    @Override
    public int delete(CollectionId collection, Collection<DocumentId> ids) {
        return ids.isEmpty() ? 0 : dao.delete(collection.value(), uuids(ids));
    }

    @Override
    public int deleteAll(CollectionId collection) {
        return dao.deleteAll(collection.value());
    }

    @Override
    public Optional<KnowledgeDocument> find(CollectionId collection, DocumentId id) {
        return dao.find(collection.value(), id.value()).map(this::document);
    }

    @Override
    public List<KnowledgeDocument> findAll(CollectionId collection, Collection<DocumentId> ids) {
        return ids.isEmpty() ? List.of()
                : dao.findAll(collection.value(), uuids(ids)).stream().map(this::document).toList();
    }

    /** Names every search's hits: plain JDBC (see HotPath). */
    @Override
    public Map<DocumentId, DocumentVersion> versions(Collection<CollectionId> collections,
                                                     Collection<DocumentId> ids) {
        Map<DocumentId, DocumentVersion> out = new HashMap<>();
        if (!collections.isEmpty() && !ids.isEmpty()) {
            List<Object> params = new ArrayList<>(collections.size() + ids.size());
            collections.forEach(c -> params.add(c.value()));
            ids.forEach(d -> params.add(d.value()));
            String sql = "SELECT " + DocumentDao.VERSION + " FROM rag_documents"
                    + " WHERE collection_id IN (" + HotPath.parameterMarkers(collections.size()) + ")"
                    + " AND id IN (" + HotPath.parameterMarkers(ids.size()) + ")";
            hotPath.list(sql, ROWS, params.toArray()).forEach(r -> out.put(new DocumentId(r.id()), version(r)));
        }
        return out;
    }

    @Override
    public Page<DocumentSummary> browse(CollectionId collection, DocumentFilter filter, DocumentOrder order,
                                        PageRequest page) {
        return DocumentBrowse.run(jdbi, collection, filter, order, page, json).map(this::summary);
    }

    @Override
    public List<KnowledgeDocument> exportPage(CollectionId collection, Optional<DocumentId> after, int limit) {
        List<DocumentDao.Row> rows = after.isEmpty() ? dao.exportFirst(collection.value(), limit)
                : dao.exportAfter(collection.value(), after.get().value(), limit);
        return rows.stream().map(this::document).toList();
    }

    @Override
    public Map<DocumentId, Integer> requeueAll(CollectionId collection, Instant now) {
        dao.requeueAll(collection.value());
        return revisionMap(dao.allRevisions(collection.value()));
    }

    @Override
    public Map<DocumentId, Integer> revisions(CollectionId collection, Collection<DocumentId> ids) {
        return ids.isEmpty() ? Map.of() : revisionMap(dao.revisions(collection.value(), uuids(ids)));
    }

    @Override
    public int markIndexed(CollectionId collection, Map<DocumentId, Integer> revisions, Instant now) {
        return finish(collection, revisions, IndexState.INDEXED, Rows.utc(now)).size();
    }

    @Override
    public Set<DocumentId> markCancelled(CollectionId collection, Map<DocumentId, Integer> revisions, Instant now) {
        return finish(collection, revisions, IndexState.CANCELLED, null);
    }

    @Override
    public CollectionState state(CollectionId collection) {
        return states(List.of(collection)).getOrDefault(collection, CollectionState.EMPTY);
    }

    @Override
    public Map<CollectionId, CollectionState> states(Collection<CollectionId> collections) {
        if (collections.isEmpty()) {
            return Map.of();
        }
        Map<CollectionId, long[]> counts = new HashMap<>();
        for (DocumentDao.StateCount c : dao.counts(collections.stream().map(CollectionId::value).toList())) {
            long[] n = counts.computeIfAbsent(new CollectionId(c.collection()), k -> new long[3]);
            n[0] += c.count();
            switch (IndexState.parse(c.state()).orElse(IndexState.CANCELLED)) {
                case INDEXED -> n[1] += c.count();
                case QUEUED -> n[2] += c.count();
                case CANCELLED -> {
                }
            }
        }
        Map<CollectionId, CollectionState> out = new HashMap<>();
        counts.forEach((id, n) -> out.put(id, new CollectionState(n[0], n[1], n[2])));
        return out;
    }

    /** The documents moved to {@code state}: those still queued at the revision given. */
    private Set<DocumentId> finish(CollectionId collection, Map<DocumentId, Integer> revisions, IndexState state,
                                   OffsetDateTime indexedAt) {
        if (revisions.isEmpty()) {
            return Set.of();
        }
        List<DocumentId> ids = new ArrayList<>(revisions.keySet());
        List<Integer> numbers = ids.stream().map(revisions::get).toList();
        int[] updated = dao.finish(collection.value(), ids.stream().map(DocumentId::value).toList(), numbers,
                state.wire(), indexedAt);
        Set<DocumentId> changed = new HashSet<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] > 0) {
                changed.add(ids.get(i));
            }
        }
        return changed;
    }

    private static Map<DocumentId, Integer> revisionMap(List<DocumentDao.Revision> rows) {
        Map<DocumentId, Integer> out = new HashMap<>();
        rows.forEach(r -> out.put(new DocumentId(r.id()), r.revision()));
        return out;
    }

    private static List<UUID> uuids(Collection<DocumentId> ids) {
        return ids.stream().map(DocumentId::value).distinct().toList();
    }

    private DocumentVersion version(DocumentDao.Row r) {
        return new DocumentVersion(new DocumentId(r.id()), r.name(), r.contentHash(), new DocumentVersion.Fields(
                Optional.ofNullable(r.reference()), json.read(r.tags(), JdbiCollectionRepository.TAGS),
                new DocumentMetadata(r.metadata())), r.revision());
    }

    private DocumentSummary summary(DocumentDao.Row r) {
        return new DocumentSummary(version(r), IndexState.parse(r.state())
                .orElseThrow(() -> new IllegalStateException("index state " + r.state())), r.createdAt(),
                r.updatedAt(), Optional.ofNullable(r.indexedAt()), DocumentSummary.preview(r.head()));
    }

    private KnowledgeDocument document(DocumentDao.Row r) {
        return new KnowledgeDocument(summary(r), r.contents());
    }
}
