package io.olyx.application.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.application.jobs.PermanentJobFailure;
import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.StoredChunk;
import io.olyx.application.port.DocumentRepository.NewDocument;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.JobStatus;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.IndexState;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IndexingJobTest {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");
    private static final ProjectId PROJECT = new ProjectId(7);

    private final InMemoryCollections collections = new InMemoryCollections();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final InMemorySearchIndex index = new InMemorySearchIndex();
    private final HookedEmbedder embedder = new HookedEmbedder(new HashingEmbedder("hash-v1"));
    private final IndexingJob job = new IndexingJob(collections, documents,
            new IndexDocuments(index, embedder, new Chunker(ChunkingPolicy.DEFAULT), 256), new IndexLocks(),
            IndexingProgress.SILENT, Clock.fixed(NOW, ZoneOffset.UTC));
    private final KnowledgeCollection collection = new KnowledgeCollection(new CollectionId(UUID.randomUUID()),
            PROJECT, KnowledgeCollection.Details.of("c", Optional.empty(), Optional.empty()), NOW, NOW);
    private final NewDocument a = doc("a", "Apples grow on trees in orchards.");
    private final NewDocument b = doc("b", "Bananas grow in bunches in the tropics.");

    IndexingJobTest() {
        collections.insert(collection);
        documents.insert(collection.id(), List.of(a, b), NOW);
    }

    private static NewDocument doc(String name, String text) {
        return new NewDocument(new DocumentId(UUID.randomUUID()), name, text,
                new DocumentVersion.Fields(Optional.empty(), List.of(), DocumentMetadata.EMPTY));
    }

    private Job job(int attempts, NewDocument... docs) {
        List<String> revisions = java.util.Arrays.stream(docs).map(d -> d.id() + "@" + documents.revisions(
                collection.id(), List.of(d.id())).get(d.id())).toList();
        return new Job(1, IndexingQueue.KIND, Optional.of(PROJECT.value()), Map.of(IndexingQueue.COLLECTION,
                collection.id().toString(), IndexingQueue.DOCUMENTS, revisions), JobStatus.RUNNING, attempts, 5, NOW,
                Optional.of("node"), Optional.empty(), Optional.empty(), Map.of(), NOW, NOW);
    }

    private IndexState state(NewDocument d) {
        return documents.find(collection.id(), d.id()).orElseThrow().summary().state();
    }

    private List<StoredChunk> chunks(NewDocument d) {
        return index.chunksOf(collection.indexKey(), d.id().toString(), 0, 100);
    }

    @Test
    void aBatchIsEmbeddedWrittenAndMarkedIndexed() {
        Map<String, Object> result = job.handle(job(1, a, b));

        assertThat(result).containsEntry("documents", 2);
        assertThat(documents.state(collection.id())).isEqualTo(new CollectionState(2, 2, 0));
        assertThat(chunks(a)).extracting(StoredChunk::text).containsExactly(a.contents());
        assertThat(index.embeddingSpec(collection.indexKey())).contains(embedder.spec());
    }

    @Test
    void aTextChangedWhileItWasEmbeddedIsLeftToTheJobOfItsNewRevision() {
        embedder.duringNextCall = () -> documents.replaceText(collection.id(),
                documents.versionByName(collection.id(), "a").orElseThrow(), "Apricots.", a.fields(), NOW);

        job.handle(job(1, a, b));

        assertThat(state(a)).isEqualTo(IndexState.QUEUED);
        assertThat(chunks(a)).isEmpty();
        assertThat(state(b)).isEqualTo(IndexState.INDEXED);
    }

    @Test
    void aDocumentDeletedWhileItWasEmbeddedIsNotWrittenBack() {
        embedder.duringNextCall = () -> documents.delete(collection.id(), List.of(b.id()));

        job.handle(job(1, a, b));

        assertThat(chunks(b)).isEmpty();
        assertThat(documents.state(collection.id())).isEqualTo(new CollectionState(1, 1, 0));
    }

    @Test
    void anIndexBuiltWithAnotherModelCancelsTheBatchWithoutWritingIt() {
        index.upsert(collection.indexKey(), new EmbeddingModelSpec("older-model", 64), List.of(new ChunkToIndex(
                new StoredChunk("x#0", "x", "x", 0, 0, 1, "x", DocumentMetadata.EMPTY), new float[64])));

        assertThatThrownBy(() -> job.handle(job(1, a))).isInstanceOf(PermanentJobFailure.class);

        assertThat(state(a)).isEqualTo(IndexState.CANCELLED);
        assertThat(chunks(a)).isEmpty();
    }

    @Test
    void onlyTheLastFailedAttemptCancelsTheBatch() {
        embedder.duringNextCall = () -> {
            throw new IllegalStateException("model crashed");
        };
        assertThatThrownBy(() -> job.handle(job(4, a))).hasMessage("model crashed");
        assertThat(state(a)).isEqualTo(IndexState.QUEUED);

        embedder.duringNextCall = () -> {
            throw new IllegalStateException("model crashed");
        };
        assertThatThrownBy(() -> job.handle(job(5, a))).hasMessage("model crashed");
        assertThat(state(a)).isEqualTo(IndexState.CANCELLED);
    }

    @Test
    void givingUpOnANewTextRemovesTheChunksOfTheOldOne() {
        job.handle(job(1, a));
        // the change as it stands after a crash that kept the write from removing the old text's chunks
        documents.replaceText(collection.id(), documents.versionByName(collection.id(), "a").orElseThrow(),
                "Apricots ripen in June.", a.fields(), NOW);
        assertThat(chunks(a)).extracting(StoredChunk::text).containsExactly("Apples grow on trees in orchards.");
        embedder.duringNextCall = () -> {
            throw new IllegalStateException("model crashed");
        };

        assertThatThrownBy(() -> job.handle(job(5, a))).hasMessage("model crashed");

        assertThat(state(a)).isEqualTo(IndexState.CANCELLED);
        assertThat(chunks(a)).isEmpty();
    }

    @Test
    void aJobOfADeletedCollectionDoesNothing() {
        Job pending = job(1, a);
        collections.delete(PROJECT, collection.id());

        assertThat(job.handle(pending)).containsEntry("documents", 0);
        assertThat(chunks(a)).isEmpty();
    }

    @Test
    void aJobWhoseCollectionIsDeletedWhileItEmbedsStopsAtItsNextEmbedderCall() {
        embedder.duringNextCall = () -> collections.delete(PROJECT, collection.id());

        assertThat(oneChunkPerCall().handle(job(1, a, b))).containsEntry("skipped", "collection deleted");

        assertThat(embedder.textsEmbedded).as("chunks embedded of a job of two one-chunk documents").isEqualTo(1);
        assertThat(chunks(a)).isEmpty();
        assertThat(chunks(b)).isEmpty();
    }

    @Test
    void aJobWhoseDocumentsAreAllRemovedWhileItEmbedsStopsAtItsNextEmbedderCall() {
        embedder.duringNextCall = () -> documents.deleteAll(collection.id());

        assertThat(oneChunkPerCall().handle(job(1, a, b))).containsEntry("documents", 0).containsKey("skipped");

        assertThat(embedder.textsEmbedded).as("chunks embedded of a job of two one-chunk documents").isEqualTo(1);
        assertThat(chunks(a)).isEmpty();
        assertThat(chunks(b)).isEmpty();
    }

    @Test
    void aJobGoesOnWhileOneOfItsDocumentsIsStillQueued() {
        embedder.duringNextCall = () -> documents.delete(collection.id(), List.of(a.id()));

        assertThat(oneChunkPerCall().handle(job(1, a, b))).containsEntry("documents", 1);

        assertThat(chunks(a)).isEmpty();
        assertThat(chunks(b)).hasSize(1);
        assertThat(state(b)).isEqualTo(IndexState.INDEXED);
    }

    /** A job that embeds one chunk per embedder call, so a hook can act between two calls. */
    private IndexingJob oneChunkPerCall() {
        return new IndexingJob(collections, documents,
                new IndexDocuments(index, embedder, new Chunker(ChunkingPolicy.DEFAULT), 1), new IndexLocks(),
                IndexingProgress.SILENT, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Runs a hook inside the next embedding call: what another request might do while a batch is embedded. */
    private static final class HookedEmbedder implements Embedder {
        private final Embedder inner;
        Runnable duringNextCall = () -> {
        };
        int textsEmbedded;

        HookedEmbedder(Embedder inner) {
            this.inner = inner;
        }

        @Override
        public EmbeddingModelSpec spec() {
            return inner.spec();
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
            textsEmbedded += texts.size();
            Runnable hook = duringNextCall;
            duringNextCall = () -> {
            };
            hook.run();
            return inner.embedDocuments(texts);
        }

        @Override
        public float[] embedQuery(String query) {
            return inner.embedQuery(query);
        }

        @Override
        public void close() {
        }
    }
}
