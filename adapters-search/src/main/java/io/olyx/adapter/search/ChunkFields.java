package io.olyx.adapter.search;

import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.rag.DocumentMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene shape of a chunk. The searchable fields (id, document id, ordinal, BM25 text, vector) are indexed but
 * not stored; everything a result shows travels in one binary doc-values payload instead. A query reads that for
 * a few hundred candidates, and doc values are plain memory-mapped bytes, where compressed stored fields would
 * decompress a whole block for each candidate (the largest cost of a query before this).
 */
final class ChunkFields {

    static final String CHUNK_ID = "chunk_id";
    static final String DOCUMENT_ID = "document_id";
    static final String ORDINAL = "ordinal";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String PAYLOAD = "payload";

    private ChunkFields() {
    }

    static Document toDocument(ChunkToIndex toIndex) {
        StoredChunk c = toIndex.chunk();
        Document doc = new Document();
        doc.add(new KeywordField(CHUNK_ID, c.chunkId(), Field.Store.NO));
        doc.add(new KeywordField(DOCUMENT_ID, c.documentId(), Field.Store.NO));
        doc.add(new IntField(ORDINAL, c.ordinal(), Field.Store.NO));
        doc.add(new TextField(TEXT, c.text(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(PAYLOAD, encode(c)));
        doc.add(new KnnFloatVectorField(VECTOR, toIndex.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    /** The chunks of the given (top-level) doc ids, read leaf by leaf in doc order as doc values require. */
    static Map<Integer, StoredChunk> chunks(IndexSearcher searcher, Collection<Integer> docs) throws IOException {
        Map<Integer, StoredChunk> out = new HashMap<>();
        visit(searcher, docs, (doc, bytes) -> out.put(doc, decode(bytes)));
        return out;
    }

    /** Only the chunk ids (the payload's first string), for ranking ties and mapping scores back. */
    static Map<Integer, String> chunkIds(IndexSearcher searcher, Collection<Integer> docs) throws IOException {
        Map<Integer, String> out = new HashMap<>();
        visit(searcher, docs, (doc, bytes) -> out.put(doc, new ByteArrayDataInput(bytes.bytes, bytes.offset,
                bytes.length).readString()));
        return out;
    }

    private interface PayloadVisitor {
        void accept(int doc, BytesRef payload) throws IOException;
    }

    private static void visit(IndexSearcher searcher, Collection<Integer> docs, PayloadVisitor visitor)
            throws IOException {
        List<Integer> sorted = new ArrayList<>(docs.stream().distinct().sorted().toList());
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int i = 0;
        while (i < sorted.size()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted.get(i), leaves));
            BinaryDocValues values = leaf.reader().getBinaryDocValues(PAYLOAD);
            int leafEnd = leaf.docBase + leaf.reader().maxDoc();
            for (; i < sorted.size() && sorted.get(i) < leafEnd; i++) {
                if (values != null && values.advanceExact(sorted.get(i) - leaf.docBase)) {
                    visitor.accept(sorted.get(i), values.binaryValue());
                }
            }
        }
    }

    private static BytesRef encode(StoredChunk c) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeString(c.chunkId());
            out.writeString(c.documentId());
            out.writeString(c.documentName());
            out.writeVInt(c.ordinal());
            out.writeVInt(c.start());
            out.writeVInt(c.end());
            out.writeString(c.text());
            out.writeString(c.metadata().json());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    private static StoredChunk decode(BytesRef bytes) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        return new StoredChunk(in.readString(), in.readString(), in.readString(), in.readVInt(), in.readVInt(),
                in.readVInt(), in.readString(), new DocumentMetadata(in.readString()));
    }
}
