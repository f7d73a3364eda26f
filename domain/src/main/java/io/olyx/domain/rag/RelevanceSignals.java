package io.olyx.domain.rag;

import java.util.Objects;

/**
 * Everything the rerankers know about one query/chunk pair: the normalised BM25 score (0..1, BM25 divided by
 * the best score the query's terms could reach), the cosine similarity of the embeddings (-1..1) and the
 * wording features of {@link LexicalFeatures}.
 */
public record RelevanceSignals(double lexical, double cosine, LexicalFeatures features) {

    public RelevanceSignals {
        if (!(lexical >= 0 && lexical <= 1)) {
            throw new IllegalArgumentException("lexical must be in [0, 1], was " + lexical);
        }
        if (!(cosine >= -1.0001 && cosine <= 1.0001)) {
            throw new IllegalArgumentException("cosine must be in [-1, 1], was " + cosine);
        }
        Objects.requireNonNull(features, "features");
    }
}
