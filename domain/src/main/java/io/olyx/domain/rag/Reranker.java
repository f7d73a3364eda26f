package io.olyx.domain.rag;

/**
 * Turns a candidate's {@link RelevanceSignals} into its final relevance score.
 *
 * <h2>What a score means</h2>
 * Every reranker's score is a weighted average, with weights summing to 1, of signals that are each fixed to
 * 0..1 independently of the other candidates and of the query: the BM25 score as a share of the best the
 * query could reach, the cosine similarity rescaled from {@code cosineFloor..1} to {@code 0..1}, and the
 * coverage/proximity/phrase features. So 0 means "no query term in the chunk and embeddings no closer than
 * unrelated text", 1 means "every query term matched with saturated frequency, adjacent and in order, and
 * identical embeddings", and the same number means the same strength of evidence for any query, which is what
 * makes a {@code minScore} threshold meaningful.
 *
 * <p>Measured with the bundled bge-small model and {@link RankingProfile#DEFAULT} on SciFact (bench module), the
 * share of top-10 results that were relevant per score band: below 0.4 about 2%, 0.4-0.5 about 10%, 0.5-0.6
 * about 35-40%, 0.6-0.7 about 72%, 0.7 and above about 95%. So {@code minScore} 0.5 keeps plausible matches
 * and 0.6 keeps mostly confident ones.
 */
public sealed interface Reranker {

    double score(RelevanceSignals signals);

    /** The base score alone: BM25 share and rescaled cosine. Used to score the fused order unchanged. */
    record None(double lexicalWeight, double cosineFloor) implements Reranker {
        public None {
            Weights.requireUnit(lexicalWeight, "lexicalWeight");
            Weights.requireFloor(cosineFloor);
        }

        @Override
        public double score(RelevanceSignals s) {
            return lexicalWeight * s.lexical() + (1 - lexicalWeight) * Weights.scaleCosine(s.cosine(), cosineFloor);
        }
    }

    /** Blends the base score with how well the chunk's wording covers the query's terms, near and in order. */
    record Lexical(None base, double featureWeight, double coverage, double proximity, double orderedPairs)
            implements Reranker {
        public Lexical {
            java.util.Objects.requireNonNull(base, "base");
            Weights.requireUnit(featureWeight, "featureWeight");
            Weights.requireSumOne(coverage, proximity, orderedPairs);
        }

        @Override
        public double score(RelevanceSignals s) {
            LexicalFeatures f = s.features();
            double wording = coverage * f.coverage() + proximity * f.proximity() + orderedPairs * f.orderedPairs();
            return (1 - featureWeight) * base.score(s) + featureWeight * wording;
        }
    }

    /**
     * A tuned linear model over all five signals plus the agreement of the two retrievers (the geometric mean
     * of the BM25 share and the rescaled cosine, high only when both find the chunk strong), weights summing
     * to 1.
     */
    record Smart(double lexical, double cosine, double agreement, double coverage, double proximity,
                 double orderedPairs, double cosineFloor) implements Reranker {
        public Smart {
            Weights.requireSumOne(lexical, cosine, agreement, coverage, proximity, orderedPairs);
            Weights.requireFloor(cosineFloor);
        }

        @Override
        public double score(RelevanceSignals s) {
            double cos = Weights.scaleCosine(s.cosine(), cosineFloor);
            LexicalFeatures f = s.features();
            return lexical * s.lexical() + cosine * cos + agreement * Math.sqrt(s.lexical() * cos)
                    + coverage * f.coverage() + proximity * f.proximity() + orderedPairs * f.orderedPairs();
        }
    }

    /** Shared checks and the cosine rescaling; not part of the API. */
    final class Weights {
        private Weights() {
        }

        static double scaleCosine(double cosine, double floor) {
            return Math.max(0, Math.min(1, (cosine - floor) / (1 - floor)));
        }

        static void requireUnit(double w, String name) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], was " + w);
            }
        }

        static void requireFloor(double floor) {
            if (!(floor >= -1 && floor < 1)) {
                throw new IllegalArgumentException("cosineFloor must be in [-1, 1), was " + floor);
            }
        }

        static void requireSumOne(double... weights) {
            double sum = 0;
            for (double w : weights) {
                requireUnit(w, "weight");
                sum += w;
            }
            if (Math.abs(sum - 1) > 1e-6) {
                throw new IllegalArgumentException("weights must sum to 1, sum was " + sum);
            }
        }
    }
}
