package io.olyx.adapter.search;

import io.olyx.application.port.ChunkHit;
import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.RetrievedChunk;
import io.olyx.application.port.SearchIndex;
import io.olyx.application.port.StoredChunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index on Lucene: one Lucene index per key in a directory under {@code root}, chunks with a BM25
 * text field and a scalar-quantized HNSW vector field (dot product on unit vectors). Indexes open lazily on
 * first use and stay open until {@link #close()}. Dropping an index waits for the searches and writes already
 * using it and holds back new ones until it is gone, which they then read as missing: a search racing the deletion
 * of its collection never meets a closed index or a half-deleted directory, and never brings the index back to
 * life. A background thread merges each small
 * index into one segment once writes to it have stopped ({@link IndexHandle#mergeIfIdle}).
 */
public final class LuceneSearchIndex implements SearchIndex {

    /** Which analyzer the BM25 field uses. English (Porter stemming, stop words) measured better on SciFact. */
    public enum Analysis { ENGLISH, STANDARD }

    /** Analyzer and BM25 parameters; {@link #DEFAULT} uses Anserini's BM25 settings for short passages. */
    public record Options(Analysis analysis, float k1, float b) {
        public static final Options DEFAULT = new Options(Analysis.ENGLISH, 0.9f, 0.4f);

        public Options {
            Objects.requireNonNull(analysis, "analysis");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);
    /** How long an index must go without writes before it is merged into one segment. */
    public static final Duration MERGE_WHEN_IDLE_FOR = Duration.ofSeconds(30);
    /** Larger indexes are left to Lucene's merge policy: rewriting them whole would cost minutes of a core. */
    static final int MERGE_AT_MOST_CHUNKS = 20_000;
    /** Striped, so memory stays fixed however many indexes come and go. */
    private static final int LIFECYCLE_STRIPES = 64;

    private final Path root;
    private final Analyzer analyzer;
    private final BM25Similarity similarity;
    private final Map<String, IndexHandle> open = new ConcurrentHashMap<>();
    /** Shared by every use of an index, exclusive to dropping it. */
    private final ReadWriteLock[] lifecycle = new ReadWriteLock[LIFECYCLE_STRIPES];
    private final LuceneRetrieval retrieval;
    private final ScheduledExecutorService merger = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon(true).name("olyx-index-merger").factory());

    private LuceneSearchIndex(Path root, Options options) {
        this.root = root;
        this.analyzer = switch (options.analysis()) {
            case ENGLISH -> new EnglishAnalyzer();
            case STANDARD -> new StandardAnalyzer();
        };
        this.similarity = new BM25Similarity(options.k1(), options.b());
        this.retrieval = new LuceneRetrieval(analyzer);
        for (int i = 0; i < LIFECYCLE_STRIPES; i++) {
            lifecycle[i] = new ReentrantReadWriteLock();
        }
        merger.scheduleWithFixedDelay(() -> mergeIdle(MERGE_WHEN_IDLE_FOR), 10, 10, TimeUnit.SECONDS);
    }

    public static LuceneSearchIndex open(Path root) {
        return open(root, Options.DEFAULT);
    }

    public static LuceneSearchIndex open(Path root, Options options) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index root " + root, e);
        }
        return new LuceneSearchIndex(root, options);
    }

    @Override
    public void upsert(String indexKey, EmbeddingModelSpec spec, List<ChunkToIndex> chunks) {
        using(indexKey, () -> run(() -> handle(indexKey).write(spec, List.of(), chunks)));
    }

    @Override
    public void replaceDocuments(String indexKey, EmbeddingModelSpec spec, Collection<String> documentIds,
                                 List<ChunkToIndex> chunks) {
        List<Term> deletes = documentIds.stream().distinct().map(IndexHandle::documentTerm).toList();
        using(indexKey, () -> run(() -> handle(indexKey).write(spec, deletes, chunks)));
    }

    @Override
    public int deleteDocument(String indexKey, String documentId) {
        return read(indexKey, 0, h -> h.deleteMatching(IndexHandle.documentQuery(documentId)));
    }

    @Override
    public void deleteDocuments(String indexKey, Collection<String> documentIds) {
        List<Term> terms = documentIds.stream().distinct().map(IndexHandle::documentTerm).toList();
        using(indexKey, () -> run(() -> handle(indexKey).deleteTerms(terms)));
    }

    @Override
    public void reset(String indexKey) {
        using(indexKey, () -> run(() -> handle(indexKey).reset()));
    }

    @Override
    public void drop(String indexKey) {
        Path dir = IndexDirectories.resolve(root, indexKey);
        Lock exclusive = lifecycle(indexKey).writeLock();
        exclusive.lock();
        try {
            run(() -> {
                IndexHandle handle = open.remove(indexKey);
                if (handle != null) {
                    handle.discard();
                }
                if (Files.exists(dir)) {
                    try (Stream<Path> paths = Files.walk(dir)) {
                        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            });
        } finally {
            exclusive.unlock();
        }
    }

    @Override
    public List<ChunkHit> lexicalTopK(String indexKey, String query, int k) {
        return read(indexKey, List.of(), h -> h.search(s -> retrieval.lexicalTopK(s, query, k)));
    }

    @Override
    public List<ChunkHit> vectorTopK(String indexKey, float[] queryVector, int k) {
        return read(indexKey, List.of(), h -> h.search(s -> retrieval.vectorTopK(s, queryVector, k)));
    }

    @Override
    public List<RetrievedChunk> hybridTopK(String indexKey, String query, float[] queryVector, int k) {
        return read(indexKey, List.of(), h -> h.search(s -> retrieval.hybridTopK(s, query, queryVector, k)));
    }

    @Override
    public List<StoredChunk> chunksOf(String indexKey, String documentId, int fromOrdinal, int toOrdinal) {
        if (toOrdinal < fromOrdinal) {
            return List.of();
        }
        BooleanQuery query = new BooleanQuery.Builder()
                .add(IndexHandle.documentQuery(documentId), BooleanClause.Occur.FILTER)
                .add(IntField.newRangeQuery(ChunkFields.ORDINAL, fromOrdinal, toOrdinal), BooleanClause.Occur.FILTER)
                .build();
        return read(indexKey, List.<StoredChunk>of(),
                        h -> h.search(s -> LuceneRetrieval.chunks(s, query, toOrdinal - fromOrdinal + 1)))
                .stream().sorted(Comparator.comparingInt(StoredChunk::ordinal)).toList();
    }

    @Override
    public List<String> documentIds(String indexKey, Optional<String> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        return read(indexKey, List.of(), h -> h.search(s -> DocumentIds.page(s.getIndexReader(), after, limit)));
    }

    @Override
    public long count(String indexKey) {
        return read(indexKey, 0, IndexHandle::count);
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>(open.keySet());
        run(() -> {
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(Files::isDirectory)
                        .forEach(d -> IndexDirectories.decode(d.getFileName().toString()).ifPresent(keys::add));
            }
        });
        return keys;
    }

    @Override
    public Optional<EmbeddingModelSpec> embeddingSpec(String indexKey) {
        return read(indexKey, Optional.<EmbeddingModelSpec>empty(), h -> h.spec());
    }

    /** Merges every open index that has gone {@code idle} without writes (see {@link IndexHandle#mergeIfIdle}). */
    void mergeIdle(Duration idle) {
        open.forEach((key, handle) -> {
            try {
                if (handle.mergeIfIdle(idle, MERGE_AT_MOST_CHUNKS)) {
                    LOG.info("search index {} merged into one segment after {} s without writes", key,
                            idle.toSeconds());
                }
            } catch (IOException | RuntimeException e) {
                // an index dropped or reset meanwhile aborts its merge; the next round looks again
                LOG.debug("merging idle search index {} did not finish", key, e);
            }
        });
    }

    int segments(String indexKey) {
        return read(indexKey, 0, IndexHandle::segments);
    }

    @Override
    public void close() {
        // a merge in progress is let finish (interrupting Lucene's file I/O would close the index under it)
        merger.shutdown();
        try {
            if (!merger.awaitTermination(2, TimeUnit.MINUTES)) {
                LOG.warn("an idle-index merge was still running when the search indexes closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<IOException> failures = new ArrayList<>();
        for (String key : List.copyOf(open.keySet())) {
            IndexHandle handle = open.remove(key);
            try {
                handle.close();
            } catch (IOException e) {
                LOG.warn("closing search index {} failed", key, e);
                failures.add(e);
            }
        }
        analyzer.close();
        if (!failures.isEmpty()) {
            throw new UncheckedIOException("closing search indexes failed", failures.getFirst());
        }
    }

    private IndexHandle handle(String indexKey) {
        return open.computeIfAbsent(indexKey, key -> {
            try {
                return IndexHandle.open(IndexDirectories.resolve(root, key), analyzer, similarity);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open search index " + key, e);
            }
        });
    }

    /** Reads (and deletes, which have nothing to do on a missing index) never create an index. */
    private <T> T read(String indexKey, T whenMissing, IoFunction<T> function) {
        return using(indexKey, () -> {
            IndexHandle handle = open.get(indexKey);
            if (handle == null && !Files.isDirectory(IndexDirectories.resolve(root, indexKey))) {
                return whenMissing;
            }
            return call(() -> function.apply(handle != null ? handle : handle(indexKey)));
        });
    }

    private void using(String indexKey, Runnable work) {
        using(indexKey, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} while the index cannot be dropped (searches and writes share this; drop excludes them). */
    private <T> T using(String indexKey, Supplier<T> work) {
        Lock shared = lifecycle(indexKey).readLock();
        shared.lock();
        try {
            return work.get();
        } finally {
            shared.unlock();
        }
    }

    private ReadWriteLock lifecycle(String indexKey) {
        return lifecycle[Math.floorMod(indexKey.hashCode(), LIFECYCLE_STRIPES)];
    }

    private interface IoFunction<T> {
        T apply(IndexHandle handle) throws IOException;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static void run(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T call(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
