package io.olyx.bootstrap;

import io.javalin.Javalin;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.rag.CollectionRoutes;
import io.olyx.adapter.http.rag.DocumentRoutes;
import io.olyx.adapter.http.rag.QueryRoutes;
import io.olyx.adapter.persistence.Database;
import io.olyx.adapter.search.LuceneSearchIndex;
import io.olyx.adapter.search.OnnxEmbedder;
import io.olyx.application.jobs.JobHandler;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.Embedder;
import io.olyx.application.rag.AnswerQuestion;
import io.olyx.application.rag.HybridSearch;
import io.olyx.application.rag.IndexDocuments;
import io.olyx.application.rag.IndexHousekeeping;
import io.olyx.application.rag.IndexLocks;
import io.olyx.application.rag.IndexingJob;
import io.olyx.application.rag.IndexingQueue;
import io.olyx.application.rag.KnowledgeStore;
import io.olyx.application.rag.ManageCollections;
import io.olyx.application.rag.ReadDocuments;
import io.olyx.application.rag.SearchCollections;
import io.olyx.application.rag.WriteDocuments;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.KnowledgeCollection;
import io.olyx.domain.rag.RankingProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RAG service's part of the composition root: one Lucene index root under the data directory, one embedder
 * (loaded after the server is up, so it starts at once), the collection and document use cases, their routes and
 * the indexing job handler.
 */
final class RagWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RagWiring.class);
    private static final int CHUNKS_PER_WRITE = 256;

    private final LuceneSearchIndex index;
    private final Embedder embedder;
    private final IndexHousekeeping housekeeping;
    private final IndexingJob indexingJob;
    private final SearchCollections search;
    private final AnswerQuestion answers;
    private final List<Consumer<Javalin>> routes;

    RagWiring(OlyxConfig.Rag config, Path dataDir, Database database, ModelCallPipeline pipeline,
              Authenticator auth, Idempotency idempotency, Runnable wakeJobs, Clock clock) {
        index = LuceneSearchIndex.open(dataDir.resolve("index"));
        int cores = config.embedderThreads() > 0 ? config.embedderThreads()
                : Runtime.getRuntime().availableProcessors();
        embedder = OnnxEmbedder.bundledLazily(OnnxEmbedder.Settings.forCores(cores));
        CollectionRepository collections = database.collections();
        DocumentRepository documents = database.documents();
        IndexDocuments indexing = new IndexDocuments(index, embedder, new Chunker(ChunkingPolicy.DEFAULT),
                CHUNKS_PER_WRITE);
        IndexLocks locks = new IndexLocks();
        IndexingQueue queue = new IndexingQueue(database.jobs(), clock, config.indexBatchSize(), wakeJobs);
        ReadDocuments reader = new ReadDocuments(collections, documents);
        search = new SearchCollections(collections, documents,
                new HybridSearch(index, embedder, RankingProfile.DEFAULT));
        housekeeping = new IndexHousekeeping(collections, documents, index, indexing, locks);
        indexingJob = new IndexingJob(collections, documents, indexing, locks, new LoggingIndexingProgress(), clock);
        KnowledgeStore store = new KnowledgeStore(collections, documents, indexing, locks, queue,
                database.unitOfWork(), database.ids(), clock);
        answers = new AnswerQuestion(search, pipeline);
        routes = List.of(
                new CollectionRoutes(new ManageCollections(store), reader, auth, idempotency)::register,
                new DocumentRoutes(new WriteDocuments(store), reader, auth)::register,
                new QueryRoutes(search, answers, auth, idempotency)::register);
    }

    /**
     * The node's one knowledge search (its one Lucene index root and one embedder), for other wiring that retrieves
     * passages, e.g. gateways grounding a model call: {@code search(projectId, new SearchCollections.Request(...))}.
     * Collections are looked up within the given project, so a caller only ever sees its own project's knowledge.
     */
    public SearchCollections knowledgeSearch() {
        return search;
    }

    /** Retrieval plus a grounded model call through the pipeline, as {@code POST /api/v1/answer} does. */
    public AnswerQuestion answers() {
        return answers;
    }

    List<Consumer<Javalin>> routes() {
        return routes;
    }

    JobHandler indexingJob() {
        return indexingJob;
    }

    /**
     * Once the server listens, in the background: report every collection indexed with another embedding model (it
     * needs vectors-only), and load the embedding model if this node holds any index (a first query then need not
     * wait for it). A node without knowledge loads the model on first use only, which keeps starts cheap.
     */
    void warmUp() {
        Thread.ofPlatform().daemon(true).name("olyx-rag-warm-up").start(() -> {
            try {
                for (KnowledgeCollection c : housekeeping.needingReembedding()) {
                    new LoggingIndexingProgress().needsReembedding(c);
                }
                if (housekeeping.holdsAnyIndex()) {
                    embedder.embedQuery("warm up");
                }
            } catch (RuntimeException e) {
                LOG.error("the embedding model failed to load: semantic search and indexing are unavailable", e);
            }
        });
    }

    /** At start and hourly: indexes whose collection (or project) was deleted are removed. */
    void pruneOrphanIndexes() {
        int dropped = housekeeping.pruneOrphans();
        if (dropped > 0) {
            LOG.info("removed {} search indexes whose collections no longer exist", dropped);
        }
    }

    /**
     * At start, before queries and indexing jobs: chunks of documents deleted just before a stop (or a crash) that
     * came between the deletion's commit and its index write are removed, so they no longer take the places of live
     * chunks among a query's candidates. A failure is logged and leaves them to the next start.
     */
    void removeOrphanChunks() {
        try {
            int removed = housekeeping.removeOrphanChunks();
            if (removed > 0) {
                LOG.info("removed the chunks of {} deleted documents left in search indexes", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("removing the chunks of deleted documents from search indexes failed; the next start tries"
                    + " again", e);
        }
    }

    @Override
    public void close() {
        embedder.close();
        index.close();
    }
}
