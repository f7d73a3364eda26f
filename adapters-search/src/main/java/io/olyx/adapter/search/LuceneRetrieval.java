package io.olyx.adapter.search;

import io.olyx.application.port.ChunkHit;
import io.olyx.application.port.StoredChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
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
        LexicalQuery lexical = LexicalQuery.of(text, analyzer, searcher);
        TopFieldDocs top = searcher.search(lexical.query(), Math.max(1, k), BY_SCORE_THEN_ID, true);
        Map<Integer, StoredChunk> chunks = ChunkFields.chunks(searcher, docs(top.scoreDocs));
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            float score = (Float) ((FieldDoc) sd).fields[0];
            hits.add(new ChunkHit(chunks.get(sd.doc), lexical.normalise(score)));
        }
        return hits;
    }

    List<ChunkHit> vectorTopK(IndexSearcher searcher, float[] queryVector, int k) throws IOException {
        if (searcher.getIndexReader().numDocs() == 0) {
            return List.of();
        }
        int fetch = oversampled(k);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(ChunkFields.VECTOR, queryVector, fetch), fetch);
        List<Integer> docs = docs(top.scoreDocs);
        Map<Integer, Double> exact = cosines(searcher, queryVector, docs);
        Map<Integer, String> ids = ChunkFields.chunkIds(searcher, docs);
        List<ScoreDoc> ranked = new ArrayList<>(List.of(top.scoreDocs));
        ranked.sort(Comparator.comparingDouble((ScoreDoc sd) -> exact.getOrDefault(sd.doc, 2.0 * sd.score - 1))
                .reversed().thenComparing(sd -> ids.get(sd.doc)));
        List<ScoreDoc> kept = ranked.subList(0, Math.min(k, ranked.size()));
        Map<Integer, StoredChunk> chunks = ChunkFields.chunks(searcher, kept.stream().map(sd -> sd.doc).toList());
        List<ChunkHit> hits = new ArrayList<>(kept.size());
        for (ScoreDoc sd : kept) {
            hits.add(new ChunkHit(chunks.get(sd.doc), exact.getOrDefault(sd.doc, 2.0 * sd.score - 1)));
        }
        return hits;
    }

    /** The graph ranks by 7-bit quantized vectors; fetching extra and rescoring exactly repairs its order. */
    private static int oversampled(int k) {
        return Math.max(1, k) + Math.max(10, k / 2);
    }

    Map<String, Double> lexicalScores(IndexSearcher searcher, String text, Collection<String> chunkIds)
            throws IOException {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        LexicalQuery lexical = LexicalQuery.of(text, analyzer, searcher);
        Query query = new BooleanQuery.Builder()
                .add(lexical.query(), BooleanClause.Occur.MUST)
                .add(idsQuery(chunkIds), BooleanClause.Occur.FILTER)
                .build();
        ScoreDoc[] found = searcher.search(query, chunkIds.size()).scoreDocs;
        Map<Integer, String> ids = ChunkFields.chunkIds(searcher, docs(found));
        Map<String, Double> scores = new HashMap<>();
        for (ScoreDoc sd : found) {
            scores.put(ids.get(sd.doc), lexical.normalise(sd.score));
        }
        return scores;
    }

    Map<String, Double> vectorScores(IndexSearcher searcher, float[] queryVector, Collection<String> chunkIds)
            throws IOException {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        List<Integer> docs = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(idsQuery(chunkIds), chunkIds.size()).scoreDocs) {
            docs.add(sd.doc);
        }
        Map<Integer, String> ids = ChunkFields.chunkIds(searcher, docs);
        Map<String, Double> scores = new HashMap<>();
        for (Map.Entry<Integer, Double> e : cosines(searcher, queryVector, docs).entrySet()) {
            scores.put(ids.get(e.getKey()), e.getValue());
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
                if (it != null && it.docID() <= local && it.advance(local) == local) {
                    float[] v = values.vectorValue(it.index());
                    if (v.length == query.length) {
                        cosines.put(sorted.get(i), (double) VectorUtil.dotProduct(query, v));
                    }
                }
            }
        }
        return cosines;
    }

    private static Query idsQuery(Collection<String> chunkIds) {
        return KeywordField.newSetQuery(ChunkFields.CHUNK_ID, chunkIds.stream().map(BytesRef::new).toList());
    }
}
