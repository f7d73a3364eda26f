package io.olyx.adapter.search;

import ai.onnxruntime.OrtException;
import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence embeddings computed in-process by ONNX Runtime with the bundled bge-small-en-v1.5 model: tokens
 * through the encoder, the [CLS] token's last hidden state as the sentence vector (bge's pooling), then L2
 * normalisation so a dot product is a cosine. Nothing is downloaded: model and tokenizer load from the
 * classpath. One session serves all threads (its {@code run} is thread-safe); documents are sorted by token
 * length and cut into batches of similar length, so padding stays small, and the batches run in parallel on
 * {@code parallelBatches} threads, one intra-op thread each. A query is one unbatched inference on the caller's
 * thread; when no other inference is running it may spread over {@code idleQueryThreads} cores, if that has
 * proved faster on this machine ({@link LoneQueryChoice}).
 *
 * <p>Queries are embedded without bge's optional retrieval instruction ("Represent this sentence for searching
 * relevant passages: "). On SciFact (bench: SciFactBench) dropping it left vector-only nDCG@10 where it was (0.721
 * against 0.722) and raised hybrid search's (0.749 against 0.741 with the default reranker), while a query's
 * inference got a fifth shorter: the instruction is 8 tokens, as many as a short question.
 */
public final class OnnxEmbedder implements Embedder {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedder.class);

    /**
     * @param sessionThreads  intra-op threads per document inference
     * @param parallelBatches document batches in flight at once
     * @param batchSize       documents per inference at most
     * @param maxTokens       longer texts are truncated (512 is the model's window)
     * @param idleQueryThreads intra-op threads a query that finds no other inference running may use (a second
     *                        session when it differs from {@code sessionThreads}, used when it proves faster); a
     *                        query arriving while others run uses the document session, so busy cores are never
     *                        asked to wait on each other
     */
    public record Settings(int sessionThreads, int parallelBatches, int batchSize, int maxTokens,
                           int idleQueryThreads) {
        public Settings {
            if (sessionThreads < 1 || parallelBatches < 1 || batchSize < 1 || maxTokens < 8 || maxTokens > 512
                    || idleQueryThreads < 1) {
                throw new IllegalArgumentException("invalid embedder settings");
            }
        }

        /**
         * Batches of {@value #DEFAULT_BATCH} texts of similar length, one single-threaded inference per core at a
         * time. Measured on two AVX2 cores with 45-token passages (bench: EmbedderThroughputBench --short): 50-52
         * passages per CPU-second against 42 unbatched and 37-40 at batch 128 (more padding, worse cache use);
         * two parallel single-threaded inferences beat one two-threaded one by a third. The price: the int8 model
         * quantises activations per call, so a text's vector depends slightly on its batch neighbours (cosine
         * 0.997 on average to its unbatched vector, 0.995 at worst), far below what separates relevant from
         * irrelevant passages. A query alone on the machine may run on every core, where that proves faster
         * ({@link LoneQueryChoice}); with the other core busy a two-threaded inference waited on its second thread
         * at every operator and took twice as long (p50 31 ms against 14 ms), hence one thread whenever another
         * inference is running.
         */
        public static Settings forCores(int cores) {
            return new Settings(1, Math.max(1, cores), DEFAULT_BATCH, 512, Math.max(1, cores));
        }

        public static final int DEFAULT_BATCH = 8;
    }

    /**
     * Inferences are dealt round-robin (they are sorted by length, so each task gets short and long ones) to a few
     * tasks per thread: enough to balance the threads, few enough that task overhead stays out of the way.
     */
    private static final int TASKS_PER_THREAD = 4;

    private final EmbeddingModelSpec spec = new EmbeddingModelSpec(BundledModel.NAME, BundledModel.DIMENSION);
    private final Settings settings;
    private final Inference documents;
    private final Inference idleQueries;
    private final LoneQueryChoice loneQueries = new LoneQueryChoice();
    /** Inferences running now, documents and queries alike: a query takes every core only when it is alone. */
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closing;
    private final WordPieceTokenizer tokenizer;
    private final ExecutorService batches;

    private OnnxEmbedder(Settings settings) throws OrtException {
        this.settings = settings;
        byte[] model = BundledModel.modelBytes();
        this.documents = new Inference(model, settings.sessionThreads(), spec.dimension());
        this.idleQueries = settings.idleQueryThreads() == settings.sessionThreads() ? documents
                : new Inference(model, settings.idleQueryThreads(), spec.dimension());
        this.tokenizer = new WordPieceTokenizer(BundledModel.TOKENIZER_RESOURCE, settings.maxTokens());
        this.batches = Executors.newFixedThreadPool(settings.parallelBatches(), r -> {
            Thread t = new Thread(r, "olyx-embedder");
            t.setDaemon(true);
            return t;
        });
    }

    /** The bundled bge-small-en-v1.5 with settings for this machine's cores. */
    public static OnnxEmbedder bundledBgeSmall() {
        return bundledBgeSmall(Settings.forCores(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The bundled model, loaded on first use: returns at once with the model's spec known (a server starts in well
     * under the seconds of CPU the model takes to load; warm it up once the server is listening).
     */
    public static Embedder bundledLazily(Settings settings) {
        return new LazyEmbedder(new EmbeddingModelSpec(BundledModel.NAME, BundledModel.DIMENSION),
                () -> bundledBgeSmall(settings));
    }

    public static OnnxEmbedder bundledBgeSmall(Settings settings) {
        try {
            return new OnnxEmbedder(settings);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the bundled embedding model", e);
        }
    }

    @Override
    public EmbeddingModelSpec spec() {
        return spec;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return embedDocuments(texts, () -> true);
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts, BooleanSupplier stillWanted) {
        if (texts.isEmpty()) {
            return List.of();
        }
        long[][] ids = tokenize(texts);
        List<int[]> inferences = batchesByLength(ids);
        float[][] out = new float[texts.size()][];
        int tasks = Math.min(inferences.size(), settings.parallelBatches() * TASKS_PER_THREAD);
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int first = t;
            futures.add(submit(() -> {
                for (int i = first; i < inferences.size(); i += tasks) {
                    if (!stillWanted.getAsBoolean()) {
                        throw new CancellationException("the texts are no longer wanted");
                    }
                    enter();
                    try {
                        documents.run(ids, inferences.get(i), out);
                    } finally {
                        running.decrementAndGet();
                    }
                }
                return null;
            }));
        }
        futures.forEach(OnnxEmbedder::await);
        return List.of(out);
    }

    @Override
    public float[] embedQuery(String query) {
        long[][] ids = tokenize(List.of(query));
        float[][] out = new float[1][];
        boolean alone = enter() == 1 && idleQueries != documents;
        int way = alone ? loneQueries.choose() : LoneQueryChoice.ONE_THREAD;
        try {
            long started = System.nanoTime();
            (way == LoneQueryChoice.EVERY_CORE ? idleQueries : documents).run(ids, new int[] {0}, out);
            if (alone) {
                loneQueries.timed(way, System.nanoTime() - started, ids[0].length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("query embedding failed", e);
        } finally {
            running.decrementAndGet();
        }
        return out[0];
    }

    /**
     * Counts an inference in before it starts, or refuses it once closing began. Counting first and checking
     * second means {@link #close()}, which sets the flag first and counts second, cannot miss one that got in.
     *
     * @return the inferences running, this one included
     */
    private int enter() {
        int now = running.incrementAndGet();
        if (closing) {
            running.decrementAndGet();
            throw shuttingDown();
        }
        return now;
    }

    /** The tokenizer is native too, so its calls are counted like inferences. */
    private long[][] tokenize(List<String> texts) {
        enter();
        try {
            return tokenizer.encode(texts);
        } finally {
            running.decrementAndGet();
        }
    }

    private Future<?> submit(Callable<?> task) {
        try {
            return batches.submit(task);
        } catch (RejectedExecutionException e) {
            throw shuttingDown();
        }
    }

    private static IllegalStateException shuttingDown() {
        return new IllegalStateException("the embedder is shutting down");
    }

    /** Text indices sorted by token length, cut into batches of at most batchSize. */
    private List<int[]> batchesByLength(long[][] ids) {
        int[] order = IntStream.range(0, ids.length).boxed()
                .sorted(Comparator.comparingInt(i -> ids[i].length)).mapToInt(Integer::intValue).toArray();
        List<int[]> plan = new ArrayList<>();
        for (int from = 0; from < order.length; from += settings.batchSize()) {
            plan.add(java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + settings.batchSize())));
        }
        return plan;
    }

    private boolean awaitIdle(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            if (!batches.awaitTermination(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
            while (running.get() > 0) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return running.get() == 0 && batches.isTerminated();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            throw new IllegalStateException("embedding failed", e.getCause());
        }
    }

    /**
     * Refuses new inferences, lets the ones in flight finish (each takes a second at most, so a long document job
     * stops at its next batch), and only then frees the native sessions: freeing one under a running inference
     * crashes the JVM. If inferences are somehow still running after the wait, the sessions are left to the
     * process's exit instead.
     */
    @Override
    public void close() {
        closing = true;
        batches.shutdown();
        boolean idle = awaitIdle(Duration.ofSeconds(30));
        if (!idle) {
            LOG.warn("embedder closed with inferences still running; its native sessions are left to the process exit");
            return;
        }
        tokenizer.close();
        try {
            documents.close();
            if (idleQueries != documents) {
                idleQueries.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("closing the embedding session failed", e);
        }
    }
}
