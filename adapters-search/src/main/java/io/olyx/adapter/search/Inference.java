package io.olyx.adapter.search;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime session of the bundled encoder: token ids in, each text's [CLS] vector (bge's pooling) out,
 * L2-normalised so a dot product is a cosine. {@code run} is thread-safe. Every tensor and result is closed.
 */
final class Inference implements AutoCloseable {
    private static final long PAD_ID = 0;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    /** The last hidden state; other outputs (a pooler, if any) are not asked for. */
    private final String hiddenStates;
    private final int dimension;

    /** @param intraOpThreads threads one inference may use (1: the caller's thread alone) */
    Inference(byte[] model, int intraOpThreads, int dimension) throws OrtException {
        this.environment = OrtEnvironment.getEnvironment();
        this.dimension = dimension;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            // ONNX Runtime's pool threads spin after each operator by default, keeping a core busy between
            // inferences; on two cores that core is the one retrieval, ranking and HTTP need next (a query's p99
            // in process: 29-30 ms spinning, 20 ms not, with the same p50)
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(model, options);
        }
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.hiddenStates = session.getOutputNames().iterator().next();
    }

    /** One inference over the texts {@code batch} names (padded to the longest); each vector lands at its index. */
    void run(long[][] ids, int[] batch, float[][] out) throws OrtException {
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
                for (int r = 0; r < rows; r++) {
                    float[] cls = new float[dimension];
                    hidden.get(r * width * dimension, cls);
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

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
