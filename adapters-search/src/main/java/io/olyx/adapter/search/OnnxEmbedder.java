package io.olyx.adapter.search;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Sentence embeddings computed in-process by ONNX Runtime with the bundled bge-small-en-v1.5 model: tokens
 * through the encoder, the [CLS] token's last hidden state as the sentence vector (bge's pooling), then L2
 * normalisation so a dot product is a cosine. Nothing is downloaded: model and tokenizer load from the
 * classpath. One session serves all threads (its {@code run} is thread-safe); documents are sorted by token
 * length and cut into batches of similar length, so padding stays small, and the batches run in parallel on
 * {@code parallelBatches} threads, one intra-op thread each. A query is one unbatched inference on the caller's
 * thread.
 */
public final class OnnxEmbedder implements Embedder {

    /**
     * @param sessionThreads  intra-op threads per inference
     * @param parallelBatches batches in flight at once (documents only; a query is one small inference)
     * @param batchSize       texts per inference at most
     * @param maxTokens       longer texts are truncated (512 is the model's window)
     */
    public record Settings(int sessionThreads, int parallelBatches, int batchSize, int maxTokens) {
        public Settings {
            if (sessionThreads < 1 || parallelBatches < 1 || batchSize < 1 || maxTokens < 8 || maxTokens > 512) {
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
         * irrelevant passages.
         */
        public static Settings forCores(int cores) {
            return new Settings(1, Math.max(1, cores), DEFAULT_BATCH, 512);
        }

        public static final int DEFAULT_BATCH = 8;
    }

    private static final long PAD_ID = 0;
    /**
     * Inferences are dealt round-robin (they are sorted by length, so each task gets short and long ones) to a few
     * tasks per thread: enough to balance the threads, few enough that task overhead stays out of the way.
     */
    private static final int TASKS_PER_THREAD = 4;

    private final EmbeddingModelSpec spec = new EmbeddingModelSpec(BundledModel.NAME, BundledModel.DIMENSION);
    private final Settings settings;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final ExecutorService batches;
    private final boolean wantsTokenTypes;
    /** The last hidden state; other outputs (a pooler, if any) are not asked for. */
    private final String hiddenStates;

    private OnnxEmbedder(Settings settings) throws OrtException {
        this.settings = settings;
        this.environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.sessionThreads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(BundledModel.modelBytes(), options);
        }
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.hiddenStates = session.getOutputNames().iterator().next();
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
     * The bundled model loading on a background thread: returns at once with the model's spec known, and calls that
     * need vectors wait until it has loaded (a server starts in well under the seconds the model takes to load).
     */
    public static Embedder bundledInBackground(Settings settings) {
        return new BackgroundEmbedder(new EmbeddingModelSpec(BundledModel.NAME, BundledModel.DIMENSION),
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
        if (texts.isEmpty()) {
            return List.of();
        }
        long[][] ids = tokenizer.encode(texts);
        List<int[]> inferences = batchesByLength(ids);
        float[][] out = new float[texts.size()][];
        int tasks = Math.min(inferences.size(), settings.parallelBatches() * TASKS_PER_THREAD);
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int first = t;
            futures.add(batches.submit(() -> {
                for (int i = first; i < inferences.size(); i += tasks) {
                    infer(ids, inferences.get(i), out);
                }
                return null;
            }));
        }
        futures.forEach(OnnxEmbedder::await);
        return List.of(out);
    }

    @Override
    public float[] embedQuery(String query) {
        long[][] ids = tokenizer.encode(List.of(BundledModel.QUERY_INSTRUCTION + query));
        float[][] out = new float[1][];
        try {
            infer(ids, new int[] {0}, out);
        } catch (OrtException e) {
            throw new IllegalStateException("query embedding failed", e);
        }
        return out[0];
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

    /** Runs one inference over the texts {@code batch} names and puts each one's vector at its index in out. */
    private void infer(long[][] ids, int[] batch, float[][] out) throws OrtException {
        int rows = batch.length;
        int width = 0;
        for (int i : batch) {
            width = Math.max(width, ids[i].length);
        }
        LongBuffer inputIds = LongBuffer.allocate(rows * width);
        LongBuffer mask = LongBuffer.allocate(rows * width);
        for (int i : batch) {
            long[] row = ids[i];
            for (int t = 0; t < width; t++) {
                inputIds.put(t < row.length ? row[t] : PAD_ID);
                mask.put(t < row.length ? 1 : 0);
            }
        }
        inputIds.flip();
        mask.flip();
        long[] shape = {rows, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, inputIds, shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask, shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.allocate(rows * width), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(hiddenStates))) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dim = spec.dimension();
                for (int r = 0; r < rows; r++) {
                    float[] cls = new float[dim];
                    hidden.get(r * width * dim, cls);
                    out[batch[r]] = normalised(cls);
                }
            }
        }
    }

    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float inv = sum > 0 ? (float) (1 / Math.sqrt(sum)) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed", e.getCause());
        }
    }

    /** Lets inferences in flight finish before the session goes away (closing it under a run would crash). */
    @Override
    public void close() {
        batches.shutdown();
        try {
            if (!batches.awaitTermination(30, TimeUnit.SECONDS)) {
                batches.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the embedding session failed", e);
        }
    }
}
