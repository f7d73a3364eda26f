package io.olyx.application.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.port.StoredChunk;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.JobStatus;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentInput;
import io.olyx.domain.rag.IndexState;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A document's new text takes its old text out of the index as it is accepted: until the new text is indexed (or
 * for good, when indexing it fails) a query must not answer with a text the document no longer has.
 */
class ReplacedTextTest {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");
    private static final ProjectId PROJECT = new ProjectId(7);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryCollections collections = new InMemoryCollections();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final InMemorySearchIndex index = new InMemorySearchIndex();
    private final IndexDocuments indexing = new IndexDocuments(index, new HashingEmbedder("hash-v1"),
            new Chunker(ChunkingPolicy.DEFAULT), 256);
    private final IndexLocks locks = new IndexLocks();
    private final RecordingJobs jobs = new RecordingJobs();
    private final WriteDocuments writes = new WriteDocuments(new KnowledgeStore(collections, documents, indexing,
            locks, new IndexingQueue(jobs, clock, 256, () -> { }), Supplier::get, new RandomIds(), clock));
    private final IndexingJob indexer = new IndexingJob(collections, documents, indexing, locks,
            IndexingProgress.SILENT, clock);
    private final KnowledgeCollection collection = new KnowledgeCollection(new CollectionId(UUID.randomUUID()),
            PROJECT, KnowledgeCollection.Details.of("c", Optional.empty(), Optional.empty()), NOW, NOW);
    private int jobsRun;

    ReplacedTextTest() {
        collections.insert(collection);
    }

    @Test
    void aNewTextTakesTheOldTextsChunksOutOfTheIndexAsItIsAccepted() {
        DocumentId id = put("launch", "The launch is on Monday.", List.of()).documentId();
        runQueuedJobs();
        assertThat(texts(id)).containsExactly("The launch is on Monday.");

        assertThat(put("launch", "The launch moved to Friday.", List.of()).state())
                .isEqualTo(WriteDocuments.PutState.MODIFIED);

        assertThat(texts(id)).as("the old text while the new one waits for its job").isEmpty();
        assertThat(index.lexicalTopK(collection.indexKey(), "launch Monday", 5)).isEmpty();
        assertThat(state(id)).isEqualTo(IndexState.QUEUED);
        runQueuedJobs();
        assertThat(texts(id)).containsExactly("The launch moved to Friday.");
        assertThat(state(id)).isEqualTo(IndexState.INDEXED);
    }

    @Test
    void changedTagsKeepTheChunksOfTheUnchangedText() {
        DocumentId id = put("launch", "The launch is on Monday.", List.of()).documentId();
        runQueuedJobs();

        put("launch", "The launch is on Monday.", List.of("calendar"));

        assertThat(texts(id)).containsExactly("The launch is on Monday.");
        assertThat(state(id)).isEqualTo(IndexState.INDEXED);
    }

    private WriteDocuments.PutResult put(String name, String text, List<String> tags) {
        return writes.put(PROJECT, collection.id(), new DocumentInput(name, text, Optional.empty(),
                Optional.of(tags), Optional.empty())).orElseThrow();
    }

    /** What the job worker would do: run each job enqueued since the last call. */
    private void runQueuedJobs() {
        for (NewJob queued : jobs.enqueued.subList(jobsRun, jobs.enqueued.size())) {
            indexer.handle(new Job(++jobsRun, queued.kind(), queued.projectId(), queued.payload(), JobStatus.RUNNING,
                    1, queued.maxAttempts(), NOW, Optional.of("node"), Optional.empty(), Optional.empty(), Map.of(),
                    NOW, NOW));
        }
    }

    private List<String> texts(DocumentId id) {
        return index.chunksOf(collection.indexKey(), id.toString(), 0, 100).stream().map(StoredChunk::text).toList();
    }

    private IndexState state(DocumentId id) {
        return documents.find(collection.id(), id).orElseThrow().summary().state();
    }
}
