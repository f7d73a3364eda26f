package io.olyx.application.rag;

import io.olyx.application.port.DocumentRepository;
import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.ContentHash;
import io.olyx.domain.rag.DocumentFilter;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentOrder;
import io.olyx.domain.rag.DocumentSummary;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.IndexState;
import io.olyx.domain.rag.KnowledgeDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Documents in memory with the repository's revision rules; browsing is left to the database tests. */
final class InMemoryDocuments implements DocumentRepository {
    private final Map<DocumentId, Stored> rows = new LinkedHashMap<>();

    private record Stored(CollectionId collection, KnowledgeDocument document) {
    }

    @Override
    public synchronized List<DocumentVersion> versions(CollectionId collection) {
        return of(collection).stream().map(KnowledgeDocument::version).toList();
    }

    @Override
    public synchronized Optional<DocumentVersion> versionByName(CollectionId collection, String name) {
        return versions(collection).stream().filter(v -> v.name().equals(name)).findFirst();
    }

    @Override
    public synchronized void insert(CollectionId collection, List<NewDocument> documents, Instant now) {
        for (NewDocument d : documents) {
            put(collection, new DocumentVersion(d.id(), d.name(), ContentHash.of(d.contents()), d.fields(), 1),
                    IndexState.QUEUED, now, now, Optional.empty(), d.contents());
        }
    }

    @Override
    public synchronized void replaceText(CollectionId collection, DocumentVersion version, String contents,
                                         DocumentVersion.Fields fields, Instant now) {
        KnowledgeDocument old = rows.get(version.id()).document();
        put(collection, new DocumentVersion(version.id(), version.name(), ContentHash.of(contents), fields,
                        old.version().revision() + 1), IndexState.QUEUED, old.summary().createdAt(), now,
                old.summary().indexedAt(), contents);
    }

    @Override
    public synchronized void describe(CollectionId collection, DocumentId id, DocumentVersion.Fields fields,
                                      Instant now) {
        KnowledgeDocument old = rows.get(id).document();
        DocumentVersion v = old.version();
        put(collection, new DocumentVersion(id, v.name(), v.contentHash(), fields, v.revision()),
                old.summary().state(), old.summary().createdAt(), now, old.summary().indexedAt(), old.contents());
    }

    @Override
    public synchronized int delete(CollectionId collection, Collection<DocumentId> ids) {
        int n = 0;
        for (DocumentId id : ids) {
            if (rows.containsKey(id) && rows.get(id).collection().equals(collection)) {
                rows.remove(id);
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int deleteAll(CollectionId collection) {
        return delete(collection, of(collection).stream().map(KnowledgeDocument::id).toList());
    }

    @Override
    public synchronized Optional<KnowledgeDocument> find(CollectionId collection, DocumentId id) {
        return Optional.ofNullable(rows.get(id)).filter(s -> s.collection().equals(collection))
                .map(Stored::document);
    }

    @Override
    public synchronized List<KnowledgeDocument> findAll(CollectionId collection, Collection<DocumentId> ids) {
        return ids.stream().map(id -> find(collection, id)).flatMap(Optional::stream).toList();
    }

    @Override
    public synchronized Map<DocumentId, DocumentVersion> versions(Collection<CollectionId> collections,
                                                                  Collection<DocumentId> ids) {
        Map<DocumentId, DocumentVersion> out = new HashMap<>();
        for (CollectionId c : collections) {
            findAll(c, ids).forEach(d -> out.put(d.id(), d.version()));
        }
        return out;
    }

    @Override
    public Page<DocumentSummary> browse(CollectionId collection, DocumentFilter filter, DocumentOrder order,
                                        PageRequest page) {
        throw new UnsupportedOperationException("browsing is tested against the database");
    }

    @Override
    public synchronized List<KnowledgeDocument> exportPage(CollectionId collection, Optional<DocumentId> after,
                                                           int limit) {
        return of(collection).stream()
                .filter(d -> after.isEmpty() || d.id().value().compareTo(after.get().value()) > 0)
                .sorted(java.util.Comparator.comparing(d -> d.id().value())).limit(limit).toList();
    }

    @Override
    public synchronized Map<DocumentId, Integer> requeueAll(CollectionId collection, Instant now) {
        Map<DocumentId, Integer> out = new HashMap<>();
        for (KnowledgeDocument d : of(collection)) {
            DocumentVersion v = d.version();
            put(collection, new DocumentVersion(v.id(), v.name(), v.contentHash(), v.fields(), v.revision() + 1),
                    IndexState.QUEUED, d.summary().createdAt(), d.summary().updatedAt(), d.summary().indexedAt(),
                    d.contents());
            out.put(v.id(), v.revision() + 1);
        }
        return out;
    }

    @Override
    public synchronized Map<DocumentId, Integer> revisions(CollectionId collection, Collection<DocumentId> ids) {
        Map<DocumentId, Integer> out = new HashMap<>();
        findAll(collection, ids).forEach(d -> out.put(d.id(), d.version().revision()));
        return out;
    }

    @Override
    public synchronized int markIndexed(CollectionId collection, Map<DocumentId, Integer> revisions, Instant now) {
        return finish(collection, revisions, IndexState.INDEXED, Optional.of(now)).size();
    }

    @Override
    public synchronized Set<DocumentId> markCancelled(CollectionId collection, Map<DocumentId, Integer> revisions,
                                                      Instant now) {
        return finish(collection, revisions, IndexState.CANCELLED, Optional.empty());
    }

    @Override
    public synchronized CollectionState state(CollectionId collection) {
        List<KnowledgeDocument> all = of(collection);
        return new CollectionState(all.size(), count(all, IndexState.INDEXED), count(all, IndexState.QUEUED));
    }

    @Override
    public synchronized Map<CollectionId, CollectionState> states(Collection<CollectionId> collections) {
        Map<CollectionId, CollectionState> out = new HashMap<>();
        collections.forEach(c -> out.put(c, state(c)));
        return out;
    }

    private Set<DocumentId> finish(CollectionId collection, Map<DocumentId, Integer> revisions, IndexState state,
                                   Optional<Instant> indexedAt) {
        Set<DocumentId> changed = new HashSet<>();
        for (KnowledgeDocument d : findAll(collection, revisions.keySet())) {
            if (d.summary().state() == IndexState.QUEUED && d.version().revision() == revisions.get(d.id())) {
                put(collection, d.version(), state, d.summary().createdAt(), d.summary().updatedAt(), indexedAt,
                        d.contents());
                changed.add(d.id());
            }
        }
        return changed;
    }

    private static long count(List<KnowledgeDocument> all, IndexState state) {
        return all.stream().filter(d -> d.summary().state() == state).count();
    }

    private List<KnowledgeDocument> of(CollectionId collection) {
        return rows.values().stream().filter(s -> s.collection().equals(collection)).map(Stored::document).toList();
    }

    private void put(CollectionId collection, DocumentVersion version, IndexState state, Instant created,
                     Instant updated, Optional<Instant> indexedAt, String contents) {
        rows.put(version.id(), new Stored(collection, new KnowledgeDocument(new DocumentSummary(version, state,
                created, updated, indexedAt, DocumentSummary.preview(contents)), contents)));
    }
}
