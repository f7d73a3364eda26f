package io.olyx.bootstrap;

import io.olyx.application.rag.IndexingProgress;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per indexed batch, so an operator sees a large upload's progress and speed. */
final class LoggingIndexingProgress implements IndexingProgress {
    private static final Logger LOG = LoggerFactory.getLogger("io.olyx.rag.indexing");

    @Override
    public void batchIndexed(Batch batch) {
        double seconds = Math.max(batch.took().toMillis(), 1) / 1000.0;
        LOG.info(String.format(Locale.ROOT, "collection %s (project %s): indexed %d documents (%d chunks) in %.2f s"
                        + " (embedding %.2f s), %.1f docs/s; %d of %d indexed, %d queued", batch.collection().id(),
                batch.collection().projectId(), batch.documents(), batch.chunks(), seconds,
                batch.embedding().toMillis() / 1000.0, batch.documents() / seconds, batch.state().indexed(),
                batch.state().total(), batch.state().queued()));
    }

    @Override
    public void needsReembedding(KnowledgeCollection collection) {
        LOG.warn("collection {} (project {}) was indexed with another embedding model: it is searched lexically only"
                + " and new documents wait until DELETE /api/v1/collections/{}/vectors-only re-embeds it",
                collection.id(), collection.projectId(), collection.id());
    }

    @Override
    public void batchStopped(KnowledgeCollection collection, int documents, Duration took, String reason) {
        LOG.info(String.format(Locale.ROOT, "collection %s (project %s): stopped a batch of %d documents after %.2f s:"
                + " %s", collection.id(), collection.projectId(), documents, took.toMillis() / 1000.0, reason));
    }

    @Override
    public void batchCancelled(KnowledgeCollection collection, int documents, String reason) {
        LOG.warn("collection {} (project {}): gave up indexing {} documents: {}", collection.id(),
                collection.projectId(), documents, reason);
    }
}
