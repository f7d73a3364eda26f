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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Sentence embeddings computed in-process by ONNX Runtime with the bundled bge-small-en-v1.5 model: tokens
 * through the encoder, the [CLS] token's last hidden state as the sentence vector (bge's pooling), then L2
 * normalisation so a dot product is a cosine. Nothing is downloaded: model and tokenizer load from the
 * classpath. One session serves all threads (its {@code run} is thread-safe); documents are sorted by length
 * and cut into batches (of one by default) so padding stays small, and batches run in parallel on
 * {@code parallelBatches} threads.
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
         * One text per inference, one thread per inference, one inference per core. Unbatched inference wastes
         * nothing on padding and measured the most texts per CPU-second; it also makes a text's vector
         * independent of what else is in the call (the int8 model quantises activations per batch, so batch
         * neighbours would shift a vector slightly).
         */
        public static Settings forCores(int cores) {
            int n = Math.max(1, cores);
            return new Settings(1, n, 1, 512);
        }
    }

    private static final long PAD_ID = 0;

    private final EmbeddingModelSpec spec = new EmbeddingModelSpec(BundledModel.NAME, BundledModel.DIMENSION);
    private final Settings settings;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final ExecutorService batches;
    private final boolean wantsTokenTypes;

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
        List<int[]> plan = batchesByLength(ids);
        List<Future<Map<Integer, float[]>>> futures = new ArrayList<>();
        for (int[] batch : plan) {
            futures.add(batches.submit(() -> infer(ids, batch)));
        }
        float[][] out = new float[texts.size()][];
        for (Future<Map<Integer, float[]>> f : futures) {
            await(f).forEach((i, v) -> out[i] = v);
        }
        return List.of(out);
    }

    @Override
    public float[] embedQuery(String query) {
        long[][] ids = tokenizer.encode(List.of(BundledModel.QUERY_INSTRUCTION + query));
        try {
            return infer(ids, new int[] {0}).get(0);
        } catch (OrtException e) {
            throw new IllegalStateException("query embedding failed", e);
        }
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

    private Map<Integer, float[]> infer(long[][] ids, int[] batch) throws OrtException {
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
        Map<Integer, float[]> vectors = new HashMap<>();
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, inputIds, shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask, shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.allocate(rows * width), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dim = spec.dimension();
                for (int r = 0; r < rows; r++) {
                    float[] cls = new float[dim];
                    hidden.get(r * width * dim, cls);
                    vectors.put(batch[r], normalised(cls));
                }
            }
        }
        return vectors;
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

    @Override
    public void close() {
        batches.shutdownNow();
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the embedding session failed", e);
        }
    }
}
