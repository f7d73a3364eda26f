package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RerankingProperties {

    @Property
    void everyRerankerKeepsEachCandidateOnceWithScoresInUnitRangeBestFirst(
            @ForAll("candidates") List<RerankCandidate> candidates, @ForAll RerankerKind kind) {
        List<RankedChunk> ranked = Reranking.rank(RankingProfile.DEFAULT.reranker(kind), candidates);
        assertThat(ranked).hasSameSizeAs(candidates);
        assertThat(new HashSet<>(ranked.stream().map(RankedChunk::id).toList())).hasSameSizeAs(candidates);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).score()).isLessThanOrEqualTo(ranked.get(i - 1).score());
        }
    }

    @Property
    void rerankingIsDeterministic(@ForAll("candidates") List<RerankCandidate> candidates, @ForAll RerankerKind kind) {
        Reranker r = RankingProfile.DEFAULT.reranker(kind);
        assertThat(Reranking.rank(r, candidates)).isEqualTo(Reranking.rank(r, List.copyOf(candidates)));
    }

    @Provide
    Arbitrary<List<RerankCandidate>> candidates() {
        Arbitrary<Double> unit = Arbitraries.doubles().between(0, 1);
        Arbitrary<LexicalFeatures> features = Combinators.combine(unit, unit, unit).as(LexicalFeatures::new);
        Arbitrary<RelevanceSignals> signals = Combinators.combine(unit, Arbitraries.doubles().between(-1, 1), features)
                .as(RelevanceSignals::new);
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4), signals)
                .as(RerankCandidate::new).list().ofMaxSize(30).uniqueElements(RerankCandidate::id);
    }
}
