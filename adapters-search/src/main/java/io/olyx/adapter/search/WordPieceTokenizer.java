package io.olyx.adapter.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The model's own tokenizer (HuggingFace tokenizer.json through DJL's native binding), truncating at maxTokens. */
final class WordPieceTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    WordPieceTokenizer(String resource, int maxTokens) {
        try (InputStream in = BundledModel.open(resource)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
                    "maxLength", Integer.toString(maxTokens),
                    "modelMaxLength", Integer.toString(maxTokens),
                    "truncation", "true",
                    "padding", "false",
                    "addSpecialTokens", "true"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + resource, e);
        }
    }

    /** Token ids per text, [CLS] first and [SEP] last, at most maxTokens each. */
    long[][] encode(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        long[][] ids = new long[encodings.length][];
        for (int i = 0; i < encodings.length; i++) {
            ids[i] = encodings[i].getIds();
        }
        return ids;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
