package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class FusionProperties {

    @Property
    void returnsNoDuplicates(@ForAll("fusions") Fusion fusion, @ForAll("hits") List<RetrievalHit> lexical,
                             @ForAll("hits") List<RetrievalHit> vector, @ForAll @IntRange(min = 0, max = 50) int top) {
        List<String> ids = fusion.fuse(lexical, vector, top).stream().map(FusedCandidate::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Property
    void neverReturnsMoreThanRequestedNorMoreThanTheUnion(@ForAll("fusions") Fusion fusion,
            @ForAll("hits") List<RetrievalHit> lexical, @ForAll("hits") List<RetrievalHit> vector,
            @ForAll @IntRange(min = 0, max = 50) int top) {
        Set<String> union = new HashSet<>();
        lexical.forEach(h -> union.add(h.id()));
        vector.forEach(h -> union.add(h.id()));
        assertThat(fusion.fuse(lexical, vector, top)).hasSize(Math.min(top, union.size()));
    }

    @Property
    void orderIsByScoreThenIdAndIgnoresInputOrder(@ForAll("fusions") Fusion fusion,
            @ForAll("hits") List<RetrievalHit> lexical, @ForAll("hits") List<RetrievalHit> vector) {
        List<FusedCandidate> fused = fusion.fuse(lexical, vector, 100);
        for (int i = 1; i < fused.size(); i++) {
            FusedCandidate a = fused.get(i - 1);
            FusedCandidate b = fused.get(i);
            assertThat(a.fusedScore() > b.fusedScore()
                    || (a.fusedScore() == b.fusedScore() && a.id().compareTo(b.id()) < 0)).isTrue();
        }
        List<RetrievalHit> shuffledLexical = new ArrayList<>(lexical);
        List<RetrievalHit> shuffledVector = new ArrayList<>(vector);
        Collections.reverse(shuffledLexical);
        Collections.reverse(shuffledVector);
        assertThat(fusion.fuse(shuffledLexical, shuffledVector, 100)).isEqualTo(fused);
    }

    @Property
    void aCandidateFoundByBothRetrieversCarriesBothSignals(@ForAll("fusions") Fusion fusion,
            @ForAll("hits") List<RetrievalHit> lexical) {
        List<FusedCandidate> fused = fusion.fuse(lexical, lexical, 100);
        assertThat(fused).allSatisfy(c -> {
            assertThat(c.lexicalScore()).isPresent();
            assertThat(c.vectorScore()).isPresent();
        });
    }

    @Provide
    Arbitrary<List<RetrievalHit>> hits() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'h').ofMinLength(1).ofMaxLength(2);
        Arbitrary<Double> scores = Arbitraries.oneOf(Arbitraries.doubles().between(-1, 1),
                Arbitraries.of(0.0, 0.5, 1.0));
        return net.jqwik.api.Combinators.combine(ids, scores).as(RetrievalHit::new).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Fusion> fusions() {
        Arbitrary<Fusion> rrf = Arbitraries.integers().between(0, 100).flatMap(k ->
                Arbitraries.doubles().between(0, 1).map(w -> new Fusion.ReciprocalRank(k, w)));
        Arbitrary<Fusion> weighted = Arbitraries.doubles().between(0, 1).flatMap(w ->
                Arbitraries.of(new ScoreNormalization.PerQueryMinMax(), new ScoreNormalization.Absolute(0.5))
                        .map(n -> new Fusion.WeightedScore(w, n)));
        return Arbitraries.oneOf(rrf, weighted);
    }
}
