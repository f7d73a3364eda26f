package io.olyx.application.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentInput;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A write that arrives while its collection is being deleted, and waits for the delete's index lock, must find the
 * collection gone when it gets the lock: writing documents into it (or answering "reset" for it) would act on a
 * collection that no longer exists. The delete is played by a thread holding the lock and deleting the row.
 */
class CollectionDeletedMeanwhileTest {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");
    private static final ProjectId PROJECT = new ProjectId(7);

    private final InMemoryCollections collections = new InMemoryCollections();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final IndexLocks locks = new IndexLocks();
    private final RecordingJobs jobs = new RecordingJobs();
    private final KnowledgeStore store = new KnowledgeStore(collections, documents,
            new IndexDocuments(new InMemorySearchIndex(), new HashingEmbedder("hash-v1"),
                    new Chunker(ChunkingPolicy.DEFAULT), 256),
            locks, new IndexingQueue(jobs, Clock.fixed(NOW, ZoneOffset.UTC), 256, () -> { }),
            Supplier::get, new RandomIds(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final KnowledgeCollection collection = new KnowledgeCollection(new CollectionId(UUID.randomUUID()),
            PROJECT, KnowledgeCollection.Details.of("c", Optional.empty(), Optional.empty()), NOW, NOW);

    CollectionDeletedMeanwhileTest() {
        collections.insert(collection);
    }

    @Test
    void aPutThatWaitedForTheDeleteFindsTheCollectionGoneAndStoresNothing() throws InterruptedException {
        DocumentInput input = new DocumentInput("late", "Written after the delete.", Optional.empty(),
                Optional.empty(), Optional.empty());

        Optional<?> answer = whileDeleting(() -> new WriteDocuments(store).put(PROJECT, collection.id(), input));

        assertThat(answer).isEmpty();
        assertThat(documents.versions(collection.id())).isEmpty();
        assertThat(jobs.enqueued).isEmpty();
    }

    @Test
    void aResetThatWaitedForTheDeleteAnswersNotFound() throws InterruptedException {
        assertThat(whileDeleting(() -> new ManageCollections(store).reset(PROJECT, collection.id()))).isEmpty();
    }

    @Test
    void aVectorsOnlyThatWaitedForTheDeleteAnswersNotFound() throws InterruptedException {
        assertThat(whileDeleting(() -> new ManageCollections(store).reembed(PROJECT, collection.id()))).isEmpty();
    }

    /** Runs {@code write} on another thread while this one holds the collection's lock, deleting the collection. */
    private Optional<?> whileDeleting(Supplier<Optional<?>> write) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread deleting = Thread.ofPlatform().start(() -> locks.run(collection.indexKey(), () -> {
            locked.countDown();
            awaitQuietly(release);
            collections.delete(PROJECT, collection.id());
        }));
        locked.await();
        AtomicReference<Optional<?>> answer = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> answer.set(write.get()));
        while (writer.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        release.countDown();
        deleting.join();
        writer.join();
        return answer.get();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
