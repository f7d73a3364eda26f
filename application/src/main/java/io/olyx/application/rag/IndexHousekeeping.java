package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.SearchIndex;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.util.List;
import java.util.Optional;

/**
 * Checks run at start and on a schedule: which collections were indexed with another embedding model (they answer
 * lexically only until re-embedded), and which indexes no collection refers to any more (their collection, or its
 * whole project, was deleted while the index stayed behind), which are removed.
 */
public final class IndexHousekeeping {
    private final CollectionRepository collections;
    private final SearchIndex index;
    private final IndexDocuments indexing;
    private final IndexLocks locks;

    public IndexHousekeeping(CollectionRepository collections, SearchIndex index, IndexDocuments indexing,
                             IndexLocks locks) {
        this.collections = collections;
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

    /** Only keys of the form {@code <projectId>/<collectionId>}: anything else is not ours to remove. */
    private static Optional<CollectionId> collectionOf(String key) {
        int slash = key.indexOf('/');
        if (slash < 0 || ProjectId.parse(key.substring(0, slash)).isEmpty()) {
            return Optional.empty();
        }
        return CollectionId.parse(key.substring(slash + 1));
    }
}
