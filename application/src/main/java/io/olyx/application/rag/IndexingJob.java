package io.olyx.application.rag;

import io.olyx.application.jobs.JobHandler;
import io.olyx.application.jobs.PermanentJobFailure;
import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.IndexState;
import io.olyx.domain.rag.KnowledgeCollection;
import io.olyx.domain.rag.KnowledgeDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Indexes one batch of queued documents: load their texts, chunk and embed them (outside any lock), then, under
 * the collection's index lock, keep only the documents whose revision is still the queued one, replace their
 * chunks and mark them indexed. A document changed or deleted meanwhile is left to the job of its new revision.
 * On its last failed attempt the batch's documents are marked cancelled, so no document stays queued forever, and
 * their chunks are removed, so the index never answers with a text its document no longer has.
 * A job whose collection is deleted while it embeds stops at its next embedder call.
 */
public final class IndexingJob implements JobHandler {
    private static final Map<String, Object> DELETED = Map.of("documents", 0, "skipped", "collection deleted");
    private static final Map<String, Object> SUPERSEDED = Map.of("documents", 0, "skipped",
            "every document of the batch was removed or changed while it was embedded");

    private final CollectionRepository collections;
    private final DocumentRepository documents;
    private final IndexDocuments indexing;
    private final IndexLocks locks;
    private final IndexingProgress progress;
    private final Clock clock;

    public IndexingJob(CollectionRepository collections, DocumentRepository documents, IndexDocuments indexing,
                       IndexLocks locks, IndexingProgress progress, Clock clock) {
        this.collections = collections;
        this.documents = documents;
        this.indexing = indexing;
        this.locks = locks;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return IndexingQueue.KIND;
    }

    @Override
    public Map<String, Object> handle(Job job) {
        CollectionId collectionId = IndexingQueue.collection(job.payload());
        Optional<KnowledgeCollection> found = collections.findAny(collectionId)
                .filter(c -> job.projectId().equals(Optional.of(c.projectId().value())));
        if (found.isEmpty()) {
            return DELETED;
        }
        KnowledgeCollection collection = found.get();
        Map<DocumentId, Integer> queued = IndexingQueue.revisions(job.payload());
        try {
            return index(collection, queued);
        } catch (RuntimeException e) {
            if (job.attempts() >= job.maxAttempts() || e instanceof PermanentJobFailure) {
                giveUp(collection, queued, e);
            }
            throw e;
        }
    }

    /**
     * Cancels the batch's documents still queued at its revisions and removes their chunks, under the index lock so
     * no newer revision is written meanwhile. A cancelled document is not in the index: chunks of a text it no
     * longer has (left there when removing them on its change did not happen, e.g. a crash just after the change
     * committed) would otherwise go on answering queries for good.
     */
    private void giveUp(KnowledgeCollection collection, Map<DocumentId, Integer> queued, RuntimeException failure) {
        try {
            Set<DocumentId> cancelled = locks.locked(collection.indexKey(), () -> {
                Set<DocumentId> ended = documents.markCancelled(collection.id(), queued, clock.instant());
                indexing.removeAll(collection.indexKey(), ended.stream().map(DocumentId::toString).toList());
                return ended;
            });
            progress.batchCancelled(collection, cancelled.size(), String.valueOf(failure.getMessage()));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private Map<String, Object> index(KnowledgeCollection collection, Map<DocumentId, Integer> queued) {
        Instant start = clock.instant();
        List<KnowledgeDocument> pending = documents.findAll(collection.id(), queued.keySet()).stream()
                .filter(d -> d.summary().state() == IndexState.QUEUED
                        && queued.get(d.id()) == d.version().revision())
                .toList();
        if (pending.isEmpty()) {
            return Map.of("documents", 0);
        }
        String key = collection.indexKey();
        if (indexing.needsReembedding(key)) {
            progress.needsReembedding(collection);
            throw new PermanentJobFailure("collection " + collection.id() + " was indexed with another embedding"
                    + " model; re-embed it (DELETE /api/v1/collections/{id}/vectors-only)");
        }
        Map<DocumentId, Integer> wanted = pending.stream()
                .collect(Collectors.toMap(KnowledgeDocument::id, d -> d.version().revision()));
        Instant embedStart = clock.instant();
        // checked between embedder calls: a deleted or emptied (reset-only) collection, or documents uploaded again,
        // would only have this work thrown away when it is written
        Optional<IndexDocuments.Prepared> embedded = indexing.prepare(
                pending.stream().map(KnowledgeDocument::source).toList(),
                () -> collections.findAny(collection.id()).isPresent() && !stillQueued(collection, wanted).isEmpty());
        if (embedded.isEmpty()) {
            boolean deleted = collections.findAny(collection.id()).isEmpty();
            Map<String, Object> outcome = deleted ? DELETED : SUPERSEDED;
            progress.batchStopped(collection, pending.size(), Duration.between(start, clock.instant()),
                    String.valueOf(outcome.get("skipped")));
            return outcome;
        }
        IndexDocuments.Prepared prepared = embedded.get();
        Duration embedding = Duration.between(embedStart, clock.instant());
        Written written = locks.locked(key, () -> write(collection, key, prepared, wanted));
        progress.batchIndexed(new IndexingProgress.Batch(collection, written.documents(), written.chunks(),
                Duration.between(start, clock.instant()), embedding, documents.state(collection.id())));
        return Map.of("documents", written.documents(), "chunks", written.chunks());
    }

    private Written write(KnowledgeCollection collection, String key, IndexDocuments.Prepared prepared,
                          Map<DocumentId, Integer> wanted) {
        Map<DocumentId, Integer> still = stillQueued(collection, wanted);
        if (still.isEmpty()) {
            return new Written(0, 0);
        }
        Set<String> ids = still.keySet().stream().map(DocumentId::toString).collect(Collectors.toSet());
        int chunks = indexing.write(key, prepared.only(ids));
        documents.markIndexed(collection.id(), still, clock.instant());
        return new Written(still.size(), chunks);
    }

    /** The documents of {@code wanted} still at the revision the batch embeds. */
    private Map<DocumentId, Integer> stillQueued(KnowledgeCollection collection, Map<DocumentId, Integer> wanted) {
        Map<DocumentId, Integer> current = documents.revisions(collection.id(), wanted.keySet());
        Map<DocumentId, Integer> still = new HashMap<>(wanted);
        still.entrySet().removeIf(e -> !e.getValue().equals(current.get(e.getKey())));
        return still;
    }

    private record Written(int documents, int chunks) {
    }
}
