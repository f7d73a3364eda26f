package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.SearchIndex;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks run at start and on a schedule: which collections were indexed with another embedding model (they answer
 * lexically only until re-embedded), which indexes no collection refers to any more (their collection, or its
 * whole project, was deleted while the index stayed behind), which are removed, and which chunks belong to
 * documents that no longer exist (a crash between a deletion's commit and the index write that follows it), which
 * are removed too.
 */
public final class IndexHousekeeping {
    /** Document ids checked against the database per query: one short IN list, so a big index costs few queries. */
    static final int ORPHAN_CHECK_PAGE = 500;

    private final CollectionRepository collections;
    private final DocumentRepository documents;
    private final SearchIndex index;
    private final IndexDocuments indexing;
    private final IndexLocks locks;

    public IndexHousekeeping(CollectionRepository collections, DocumentRepository documents, SearchIndex index,
                             IndexDocuments indexing, IndexLocks locks) {
        this.collections = collections;
        this.documents = documents;
        this.index = index;
        this.indexing = indexing;
        this.locks = locks;
    }

    /** Whether this node holds any search index at all (a node without knowledge need not load the model). */
    public boolean holdsAnyIndex() {
        return !index.keys().isEmpty();
    }

    public List<KnowledgeCollection> needingReembedding() {
        return collections.listAll().stream().filter(c -> indexing.needsReembedding(c.indexKey())).toList();
    }

    /**
     * Removes indexes of collections that no longer exist; returns how many. A key is checked after it is seen
     * and a collection's row is written before its first chunk, so a collection being created is never hit.
     */
    public int pruneOrphans() {
        int dropped = 0;
        for (String key : index.keys()) {
            Optional<CollectionId> id = collectionOf(key);
            if (id.isPresent() && collections.findAny(id.get()).filter(c -> c.indexKey().equals(key)).isEmpty()) {
                locks.run(key, () -> index.drop(key));
                dropped++;
            }
        }
        return dropped;
    }

    /**
     * Removes the chunks of documents that no longer exist from the index of every collection; returns how many
     * documents had such chunks. Reads each index's document ids a page at a time (one term per document, not one
     * read per chunk) and checks each page with one query. A document's row is written before its first chunk and
     * its id is never reused, so a document being created is never hit; each page is checked and cleaned under the
     * index lock, as deleting a document is.
     */
    public int removeOrphanChunks() {
        Set<String> keys = index.keys();
        int removed = 0;
        for (KnowledgeCollection collection : collections.listAll()) {
            if (keys.contains(collection.indexKey())) {
                removed += removeOrphanChunks(collection);
            }
        }
        return removed;
    }

    private int removeOrphanChunks(KnowledgeCollection collection) {
        String key = collection.indexKey();
        int removed = 0;
        Optional<String> after = Optional.empty();
        List<String> page;
        do {
            page = index.documentIds(key, after, ORPHAN_CHECK_PAGE);
            List<String> ids = page;
            removed += locks.locked(key, () -> removeMissing(collection, ids));
            after = page.isEmpty() ? after : Optional.of(page.getLast());
        } while (page.size() == ORPHAN_CHECK_PAGE);
        return removed;
    }

    private int removeMissing(KnowledgeCollection collection, List<String> documentIds) {
        Map<String, DocumentId> parsed = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : documentIds) {
            // an id that is no document id was never written by a document of ours: nothing keeps it
            DocumentId.parse(id).ifPresentOrElse(d -> parsed.put(id, d), () -> missing.add(id));
        }
        Set<DocumentId> existing = documents.revisions(collection.id(), parsed.values()).keySet();
        parsed.forEach((id, d) -> {
            if (!existing.contains(d)) {
                missing.add(id);
            }
        });
        indexing.removeAll(collection.indexKey(), missing);
        return missing.size();
    }

    /** Only keys of the form {@code <projectId>/<collectionId>}: anything else is not ours to remove. */
    private static Optional<CollectionId> collectionOf(String key) {
        int slash = key.indexOf('/');
        if (slash < 0 || ProjectId.parse(key.substring(0, slash)).isEmpty()) {
            return Optional.empty();
        }
        return CollectionId.parse(key.substring(slash + 1));
    }
}
