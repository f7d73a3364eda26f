package io.olyx.application.rag;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collections of one project: create, edit, read with their indexing state, delete, empty (reset-only), and
 * re-embed (vectors-only: the index is emptied and every document queued again, e.g. after a model change).
 */
public final class ManageCollections {
    private final KnowledgeStore store;

    public ManageCollections(KnowledgeStore store) {
        this.store = store;
    }

    /** A collection with its indexing state. */
    public record View(KnowledgeCollection collection, CollectionState state) {
    }

    public KnowledgeCollection create(ProjectId project, KnowledgeCollection.Details details) {
        Instant now = store.clock().instant();
        KnowledgeCollection collection = new KnowledgeCollection(new CollectionId(store.ids().timeOrderedUuid()),
                project, details, now, now);
        store.collections().insert(collection);
        return collection;
    }

    public Optional<View> edit(ProjectId project, CollectionId id, KnowledgeCollection.Details details) {
        return store.collections().find(project, id).map(c -> {
            KnowledgeCollection edited = c.edited(details, store.clock().instant());
            store.collections().update(edited);
            return new View(edited, store.documents().state(id));
        });
    }

    public Optional<View> find(ProjectId project, CollectionId id) {
        return store.collections().find(project, id).map(c -> new View(c, store.documents().state(id)));
    }

    public List<View> list(ProjectId project) {
        List<KnowledgeCollection> all = store.collections().list(project);
        Map<CollectionId, CollectionState> states = store.documents().states(all.stream().map(KnowledgeCollection::id)
                .toList());
        return all.stream().map(c -> new View(c, states.getOrDefault(c.id(), CollectionState.EMPTY))).toList();
    }

    /** Removes the collection, its documents and its index; pending indexing jobs then find nothing to do. */
    public boolean delete(ProjectId project, CollectionId id) {
        String key = KnowledgeCollection.indexKey(project, id);
        return store.locks().locked(key, () -> {
            boolean deleted = store.collections().delete(project, id);
            if (deleted) {
                store.index().drop(key);
            }
            return deleted;
        });
    }

    /** Removes every document (reset-only); returns how many there were, or empty for an unknown collection. */
    public Optional<Integer> reset(ProjectId project, CollectionId id) {
        return store.withCollectionLocked(project, id, c -> {
            int removed = store.documents().deleteAll(id);
            store.index().reset(c.indexKey());
            return removed;
        });
    }

    /**
     * Queues every document again (vectors-only) to be embedded with the current model; returns how many were
     * queued. An index built with another model is emptied first (its vectors cannot mix with the new ones), so
     * such a collection fills up again as the jobs run; otherwise each document's chunks are replaced in place.
     */
    public Optional<Integer> reembed(ProjectId project, CollectionId id) {
        Optional<Integer> queued = store.withCollectionLocked(project, id,
                c -> store.unitOfWork().inTransaction(() -> requeue(c)).size());
        queued.ifPresent(q -> store.queue().wake());
        return queued;
    }

    private Map<DocumentId, Integer> requeue(KnowledgeCollection c) {
        if (store.index().needsReembedding(c.indexKey())) {
            store.index().reset(c.indexKey());
        }
        Map<DocumentId, Integer> revisions = store.documents().requeueAll(c.id(), store.clock().instant());
        store.queue().enqueue(c.projectId(), c.id(), revisions);
        return revisions;
    }
}
