package io.olyx.adapter.search;

import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.rag.DocumentMetadata;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** The Lucene shape of a chunk: which field holds what, and the mapping both ways. */
final class ChunkFields {

    static final String CHUNK_ID = "chunk_id";
    static final String DOCUMENT_ID = "document_id";
    static final String DOCUMENT_NAME = "document_name";
    static final String ORDINAL = "ordinal";
    static final String START = "start";
    static final String END = "end";
    static final String TEXT = "text";
    static final String METADATA = "metadata";
    static final String VECTOR = "vector";

    private ChunkFields() {
    }

    static Document toDocument(ChunkToIndex toIndex) {
        StoredChunk c = toIndex.chunk();
        Document doc = new Document();
        doc.add(new KeywordField(CHUNK_ID, c.chunkId(), Field.Store.YES));
        doc.add(new KeywordField(DOCUMENT_ID, c.documentId(), Field.Store.YES));
        doc.add(new StoredField(DOCUMENT_NAME, c.documentName()));
        doc.add(new IntField(ORDINAL, c.ordinal(), Field.Store.YES));
        doc.add(new StoredField(START, c.start()));
        doc.add(new StoredField(END, c.end()));
        doc.add(new TextField(TEXT, c.text(), Field.Store.YES));
        doc.add(new StoredField(METADATA, c.metadata().json()));
        doc.add(new KnnFloatVectorField(VECTOR, toIndex.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    static StoredChunk toChunk(Document doc) {
        return new StoredChunk(doc.get(CHUNK_ID), doc.get(DOCUMENT_ID), doc.get(DOCUMENT_NAME),
                doc.getField(ORDINAL).numericValue().intValue(), doc.getField(START).numericValue().intValue(),
                doc.getField(END).numericValue().intValue(), doc.get(TEXT), new DocumentMetadata(doc.get(METADATA)));
    }
}
