package io.olyx.domain.rag;

import java.util.Objects;

/**
 * The ranking method as one value: how many candidates each retriever contributes, how they are fused
 * (on the lists as retrieved, or on the completed lists where every candidate carries both retrievers'
 * scores), and the reranker behind each {@link RerankerKind}. {@link #DEFAULT} holds the settings measured best on the
 * SciFact harness (bench module), tuned on one half of its queries and checked on the other.
 */
public record RankingProfile(int candidatesPerRetriever, Fusion fusion, boolean fuseCompletedSignals, Reranker.None none, Reranker.Lexical lexical,
                             Reranker.Smart smart) {

    public static final double COSINE_FLOOR = 0.5;

    public static final RankingProfile DEFAULT = new RankingProfile(
            100,
            new Fusion.WeightedScore(0.3, new ScoreNormalization.Absolute(COSINE_FLOOR)),
            true,
            new Reranker.None(0.3, COSINE_FLOOR),
            new Reranker.Lexical(new Reranker.None(0.3, COSINE_FLOOR), 0.1, 0.25, 0.25, 0.5),
            new Reranker.Smart(0.2, 0.6, 0.1, 0.05, 0.025, 0.025, COSINE_FLOOR));

    public RankingProfile {
        if (candidatesPerRetriever < 1) {
            throw new IllegalArgumentException("candidatesPerRetriever must be >= 1, was " + candidatesPerRetriever);
        }
        Objects.requireNonNull(fusion, "fusion");
        Objects.requireNonNull(none, "none");
        Objects.requireNonNull(lexical, "lexical");
        Objects.requireNonNull(smart, "smart");
    }

    public RankingProfile withFusion(Fusion newFusion, boolean completed) {
        return new RankingProfile(candidatesPerRetriever, newFusion, completed, none, lexical, smart);
    }

    public Reranker reranker(RerankerKind kind) {
        return switch (kind) {
            case NONE -> none;
            case LEXICAL -> lexical;
            case SMART -> smart;
        };
    }
}
