package io.olyx.adapter.search;

import io.olyx.application.port.ChunkHit;
import io.olyx.application.port.RetrievedChunk;
import io.olyx.application.port.StoredChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.VectorUtil;

/**
 * The read side on one acquired searcher. Lexical hits come back sorted by score and then chunk id inside
 * Lucene, so even the cut at k is deterministic. Vector hits are found by the quantized HNSW graph and then
 * rescored exactly against the stored float vectors, so a chunk's cosine is the same whichever way it was found.
 */
final class LuceneRetrieval {

    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE,
            new SortedSetSortField(ChunkFields.CHUNK_ID, false));

    private final Analyzer analyzer;

    LuceneRetrieval(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<ChunkHit> lexicalTopK(IndexSearcher searcher, String text, int k) throws IOException {
        return hits(searcher, lexicalTop(searcher, LexicalQuery.of(text, analyzer, searcher), k));
    }

    List<ChunkHit> vectorTopK(IndexSearcher searcher, float[] queryVector, int k) throws IOException {
        return hits(searcher, vectorTop(searcher, queryVector, k));
    }

    /** The chunks of a top list (doc to score, best first) as hits in the same order. */
    private static List<ChunkHit> hits(IndexSearcher searcher, Map<Integer, Double> top) throws IOException {
        Map<Integer, StoredChunk> chunks = ChunkFields.chunks(searcher, top.keySet());
        List<ChunkHit> hits = new ArrayList<>(top.size());
        top.forEach((doc, score) -> hits.add(new ChunkHit(chunks.get(doc), score)));
        return hits;
    }

    /** The lexical top k by doc, best first (ties by chunk id), with normalised scores. */
    private static Map<Integer, Double> lexicalTop(IndexSearcher searcher, LexicalQuery lexical, int k)
            throws IOException {
        TopFieldDocs top = searcher.search(lexical.query(), Math.max(1, k), BY_SCORE_THEN_ID, true);
        Map<Integer, Double> scores = new LinkedHashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            scores.put(sd.doc, lexical.normalise((Float) ((FieldDoc) sd).fields[0]));
        }
        return scores;
    }

    /** The graph ranks by 7-bit quantized vectors; fetching extra and rescoring exactly repairs its order. */
    private static int oversampled(int k) {
        return Math.max(1, k) + Math.max(10, k / 2);
    }

    /**
     * Both top-k lists on one searcher, then the missing signal of each chunk only one list holds: the lexical
     * score by advancing the query's own scorers to the chunk's doc (no term lookups beyond the query's), the
     * cosine by reading the chunk's vector. Payloads are read once for the union.
     */
    List<RetrievedChunk> hybridTopK(IndexSearcher searcher, String text, float[] queryVector, int k)
            throws IOException {
        LexicalQuery lexical = LexicalQuery.of(text, analyzer, searcher);
        Map<Integer, Double> lexicalScores = lexicalTop(searcher, lexical, k);
        Map<Integer, Double> cosines = queryVector.length == 0 ? new HashMap<>()
                : vectorTop(searcher, queryVector, k);
        Set<Integer> byVector = Set.copyOf(cosines.keySet());
        List<Integer> onlyLexical = lexicalScores.keySet().stream().filter(d -> !byVector.contains(d)).toList();
        if (queryVector.length > 0) {
            cosines.putAll(cosines(searcher, queryVector, onlyLexical));
        }
        List<Integer> onlyVector = byVector.stream().filter(d -> !lexicalScores.containsKey(d)).toList();
        Map<Integer, Double> completed = scoresOf(searcher, lexical, onlyVector);
        Set<Integer> union = new HashSet<>(lexicalScores.keySet());
        union.addAll(byVector);
        Map<Integer, StoredChunk> chunks = ChunkFields.chunks(searcher, union);
        List<RetrievedChunk> found = new ArrayList<>(union.size());
        for (int doc : union) {
            boolean lexically = lexicalScores.containsKey(doc);
            found.add(new RetrievedChunk(chunks.get(doc),
                    lexically ? lexicalScores.get(doc) : completed.getOrDefault(doc, 0.0),
                    cosines.getOrDefault(doc, -1.0), lexically, byVector.contains(doc)));
        }
        found.sort(Comparator.comparing(r -> r.chunk().chunkId()));
        return found;
    }

    /** The vector top k by doc, best first, with exact cosines. */
    private static Map<Integer, Double> vectorTop(IndexSearcher searcher, float[] queryVector, int k)
            throws IOException {
        if (searcher.getIndexReader().numDocs() == 0) {
            return new LinkedHashMap<>();
        }
        int fetch = oversampled(k);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(ChunkFields.VECTOR, queryVector, fetch), fetch);
        List<Integer> docs = docs(top.scoreDocs);
        Map<Integer, Double> exact = cosines(searcher, queryVector, docs);
        Map<Integer, String> ids = ChunkFields.chunkIds(searcher, docs);
        List<ScoreDoc> ranked = new ArrayList<>(List.of(top.scoreDocs));
        ranked.sort(Comparator.comparingDouble((ScoreDoc sd) -> exact.getOrDefault(sd.doc, 2.0 * sd.score - 1))
                .reversed().thenComparing(sd -> ids.get(sd.doc)));
        Map<Integer, Double> kept = new LinkedHashMap<>();
        for (ScoreDoc sd : ranked.subList(0, Math.min(k, ranked.size()))) {
            kept.put(sd.doc, exact.getOrDefault(sd.doc, 2.0 * sd.score - 1));
        }
        return kept;
    }

    /** The lexical score of each given doc the query matches, visiting each segment's docs in increasing order. */
    private static Map<Integer, Double> scoresOf(IndexSearcher searcher, LexicalQuery lexical, List<Integer> docs)
            throws IOException {
        Map<Integer, Double> scores = new HashMap<>();
        if (docs.isEmpty()) {
            return scores;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(lexical.query()), ScoreMode.COMPLETE, 1);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Integer> sorted = docs.stream().sorted().toList();
        int i = 0;
        while (i < sorted.size()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted.get(i), leaves));
            Scorer scorer = weight.scorer(leaf);
            int leafEnd = leaf.docBase + leaf.reader().maxDoc();
            for (; i < sorted.size() && sorted.get(i) < leafEnd; i++) {
                int local = sorted.get(i) - leaf.docBase;
                if (scorer != null && positionedAt(scorer.iterator(), local)) {
                    scores.put(sorted.get(i), lexical.normalise(scorer.score()));
                }
            }
        }
        return scores;
    }

    static List<StoredChunk> chunks(IndexSearcher searcher, Query query, int max) throws IOException {
        return List.copyOf(ChunkFields.chunks(searcher, docs(searcher.search(query, Math.max(1, max)).scoreDocs))
                .values());
    }

    private static List<Integer> docs(ScoreDoc[] scoreDocs) {
        List<Integer> docs = new ArrayList<>(scoreDocs.length);
        for (ScoreDoc sd : scoreDocs) {
            docs.add(sd.doc);
        }
        return docs;
    }

    /** Exact dot products with the raw vectors, visiting each segment's docs in increasing order. */
    private static Map<Integer, Double> cosines(IndexSearcher searcher, float[] query, List<Integer> docs)
            throws IOException {
        Map<Integer, Double> cosines = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Integer> sorted = docs.stream().sorted().toList();
        int i = 0;
        while (i < sorted.size()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted.get(i), leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkFields.VECTOR);
            KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
            int leafEnd = leaf.docBase + leaf.reader().maxDoc();
            for (; i < sorted.size() && sorted.get(i) < leafEnd; i++) {
                int local = sorted.get(i) - leaf.docBase;
                if (it != null && positionedAt(it, local)) {
                    float[] v = values.vectorValue(it.index());
                    if (v.length == query.length) {
                        cosines.put(sorted.get(i), (double) VectorUtil.dotProduct(query, v));
                    }
                }
            }
        }
        return cosines;
    }

    /** Moves forward to the target unless already there or past it (advance must not be asked to stay put). */
    private static boolean positionedAt(DocIdSetIterator it, int target) throws IOException {
        return (it.docID() < target ? it.advance(target) : it.docID()) == target;
    }
}
