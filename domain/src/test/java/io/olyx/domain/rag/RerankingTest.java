package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RerankingTest {

    private static RerankCandidate candidate(String id, String query, String text, double lexical, double cosine) {
        return new RerankCandidate(id, new RelevanceSignals(lexical, cosine,
                LexicalFeatures.of(Terms.of(query), Terms.of(text))));
    }

    @Test
    void lexicalFeaturesSeeCoverageProximityAndOrder() {
        LexicalFeatures f = LexicalFeatures.of(Terms.of("vitamin D deficiency"),
                Terms.of("Deficiency of vitamin D is common; vitamin D levels were measured."));
        assertThat(f.coverage()).isEqualTo(1.0);
        assertThat(f.orderedPairs()).isEqualTo(0.5);
        assertThat(f.proximity()).isEqualTo(1.0);
        assertThat(LexicalFeatures.of(Terms.of("kidney"), Terms.of("liver disease"))).isEqualTo(LexicalFeatures.NONE);
    }

    @Test
    void termsStemPluralsAndDropStopwords() {
        assertThat(Terms.of("The cells' studies of IL-6 and T-cells")).containsExactly("cell", "study", "il-6", "t-cell");
    }

    @Test
    void noneKeepsTheFusedOrderWithScoresThatNeverRise() {
        List<RankedChunk> ranked = Reranking.rank(RankingProfile.DEFAULT.none(), List.of(
                candidate("b", "q", "x", 0.1, 0.6), candidate("a", "q", "x", 0.9, 0.9)));
        assertThat(ranked).extracting(RankedChunk::id).containsExactly("b", "a");
        assertThat(ranked.get(1).score()).isLessThanOrEqualTo(ranked.get(0).score());
    }

    @Test
    void lexicalRerankerPrefersTheChunkThatCoversTheQueryWording() {
        String q = "statins reduce cardiovascular mortality";
        List<RankedChunk> ranked = Reranking.rank(RankingProfile.DEFAULT.lexical(), List.of(
                candidate("a", q, "Mortality rose in the trial of a new drug.", 0.3, 0.8),
                candidate("b", q, "Statins reduce cardiovascular mortality in older adults.", 0.3, 0.8)));
        assertThat(ranked.getFirst().id()).isEqualTo("b");
    }

    @Test
    void everyRerankerScoresWithinZeroAndOne() {
        RerankCandidate best = candidate("a", "alpha beta", "alpha beta", 1, 1);
        RerankCandidate worst = candidate("b", "alpha beta", "gamma delta", 0, -1);
        for (RerankerKind kind : RerankerKind.values()) {
            Reranker r = RankingProfile.DEFAULT.reranker(kind);
            assertThat(r.score(best.signals())).isBetween(0.99, 1.0);
            assertThat(r.score(worst.signals())).isEqualTo(0.0);
        }
    }

    @Test
    void parsesRerankerNames() {
        assertThat(RerankerKind.parse("Smart")).contains(RerankerKind.SMART);
        assertThat(RerankerKind.parse("cross")).isEmpty();
    }
}
