package io.olyx.adapter.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A free-text query as a BM25 disjunction of its analysed terms (no query syntax, so user text can never be
 * a parse error), and the best score that disjunction could reach. Lucene's BM25 term score is {@code idf *
 * tf / (tf + k1 * lengthNorm)}, below {@code idf} for any frequency, so the sum of the terms' idf (times their
 * repeat count) bounds the score, and score / bound is a 0..1 share that compares across queries.
 */
record LexicalQuery(Query query, double maxScore) {

    private static final int MAX_TERMS = 512;

    static LexicalQuery of(String text, Analyzer analyzer, IndexSearcher searcher) {
        Map<String, Integer> counts = terms(text, analyzer);
        if (counts.isEmpty()) {
            return new LexicalQuery(new MatchNoDocsQuery(), 1);
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        double max = 0;
        IndexReader reader = searcher.getIndexReader();
        try {
            long docCount = Math.max(reader.getDocCount(ChunkFields.TEXT), 0);
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                Term term = new Term(ChunkFields.TEXT, e.getKey());
                // built once and handed to the query, so the term dictionary is not searched a second time
                TermStates states = TermStates.build(searcher, term, true);
                max += e.getValue() * idf(states.docFreq(), docCount);
                Query tq = new TermQuery(term, states);
                builder.add(e.getValue() == 1 ? tq : new BoostQuery(tq, e.getValue()), BooleanClause.Occur.SHOULD);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new LexicalQuery(builder.build(), max > 0 ? max : 1);
    }

    /** The same idf as Lucene's BM25Similarity. */
    private static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    double normalise(float score) {
        return Math.max(0, Math.min(1, score / maxScore));
    }

    private static Map<String, Integer> terms(String text, Analyzer analyzer) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream(ChunkFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (counts.size() < MAX_TERMS || counts.containsKey(t)) {
                    counts.merge(t, 1, Integer::sum);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
