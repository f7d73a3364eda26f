package io.olyx.application.rag;

import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Duration;

/** Where indexing reports what it did, one call per batch; the server writes these as log lines. */
public interface IndexingProgress {

    void batchIndexed(Batch batch);

    /** The collection's index was built with another embedding model; nothing is indexed until it is re-embedded. */
    void needsReembedding(KnowledgeCollection collection);

    /** A batch failed for good; its documents are now cancelled. */
    void batchCancelled(KnowledgeCollection collection, int documents, String reason);

    /** A batch stopped part way because nothing it embeds is wanted any more; nothing of it was written. */
    void batchStopped(KnowledgeCollection collection, int documents, Duration took, String reason);

    /**
     * @param took      from loading the texts to marking them indexed
     * @param embedding the part of {@code took} spent chunking and embedding (the rest is reading and writing)
     * @param state     the collection after this batch, so the line shows the progress of the whole upload
     */
    record Batch(KnowledgeCollection collection, int documents, int chunks, Duration took, Duration embedding,
                 CollectionState state) {
    }

    IndexingProgress SILENT = new IndexingProgress() {
        @Override
        public void batchIndexed(Batch batch) {
        }

        @Override
        public void needsReembedding(KnowledgeCollection collection) {
        }

        @Override
        public void batchCancelled(KnowledgeCollection collection, int documents, String reason) {
        }

        @Override
        public void batchStopped(KnowledgeCollection collection, int documents, Duration took, String reason) {
        }
    };
}
