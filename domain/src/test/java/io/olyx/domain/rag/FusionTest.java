package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    private final List<RetrievalHit> lexical = List.of(new RetrievalHit("a", 0.9), new RetrievalHit("b", 0.5));
    private final List<RetrievalHit> vector = List.of(new RetrievalHit("b", 0.95), new RetrievalHit("c", 0.7));

    @Test
    void reciprocalRankFusionRewardsAgreement() {
        List<FusedCandidate> fused = new Fusion.ReciprocalRank(60, 0.5).fuse(lexical, vector, 10);
        assertThat(fused).extracting(FusedCandidate::id).containsExactly("b", "a", "c");
        assertThat(fused.getFirst().fusedScore()).isCloseTo(0.5 / 62 + 0.5 / 61, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void weightedFusionWithAbsoluteBoundsUsesRawMagnitudes() {
        List<FusedCandidate> fused = new Fusion.WeightedScore(0.5, new ScoreNormalization.Absolute(0.5))
                .fuse(lexical, vector, 10);
        // a: 0.5*0.9 = 0.45; b: 0.5*0.5 + 0.5*0.9 = 0.70; c: 0.5*0.4 = 0.20
        assertThat(fused).extracting(FusedCandidate::id).containsExactly("b", "a", "c");
        assertThat(fused.get(0).fusedScore()).isCloseTo(0.70, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fused.get(2).lexicalScore()).isEmpty();
    }

    @Test
    void equalScoresAreOrderedById() {
        List<FusedCandidate> fused = new Fusion.ReciprocalRank(60, 0.5)
                .fuse(List.of(new RetrievalHit("z", 1)), List.of(new RetrievalHit("y", 1)), 10);
        assertThat(fused).extracting(FusedCandidate::id).containsExactly("y", "z");
    }

    @Test
    void perQueryMinMaxGivesEachListsBestFullMarks() {
        List<FusedCandidate> fused = new Fusion.WeightedScore(1, new ScoreNormalization.PerQueryMinMax())
                .fuse(List.of(new RetrievalHit("a", 0.2), new RetrievalHit("b", 0.1)), List.of(), 10);
        assertThat(fused.getFirst().fusedScore()).isEqualTo(1.0);
        assertThat(fused.getLast().fusedScore()).isEqualTo(0.0);
    }
}
