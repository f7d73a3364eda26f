package io.olyx.adapter.http.rag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.RawValue;
import io.olyx.application.rag.ManageCollections;
import io.olyx.application.rag.SearchCollections;
import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.DocumentSummary;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.KnowledgeCollection;
import io.olyx.domain.rag.KnowledgeDocument;
import io.olyx.domain.rag.TextStats;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AIVAX shapes of collections, documents and search results (camelCase, as seed 003 writes them). Metadata
 * is stored as canonical JSON text (keys sorted), so "changed metadata" means a changed value, never a reordering,
 * and it goes out as raw JSON, unparsed.
 */
final class RagJson {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private RagJson() {
    }

    static DocumentMetadata metadata(Map<String, Object> object) {
        try {
            return new DocumentMetadata(CANONICAL.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawValue raw(DocumentMetadata metadata) {
        return new RawValue(metadata.json());
    }

    static Map<String, Object> collection(ManageCollections.View view) {
        KnowledgeCollection c = view.collection();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id().toString());
        json.put("name", c.name());
        json.put("context", c.details().context().orElse(null));
        json.put("tags", c.details().tags());
        json.put("createdAt", c.createdAt());
        json.put("updatedAt", c.updatedAt());
        json.put("state", state(view.state()));
        return json;
    }

    private static Map<String, Object> state(CollectionState s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", s.total());
        json.put("indexed", s.indexed());
        json.put("queued", s.queued());
        return json;
    }

    static Map<String, Object> documentItem(DocumentSummary s) {
        DocumentVersion v = s.version();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id().toString());
        json.put("updatedAt", s.updatedAt());
        json.put("name", v.name());
        json.put("reference", v.fields().reference().orElse(null));
        json.put("tags", v.fields().tags());
        json.put("contentsPreview", s.preview());
        json.put("indexState", s.state().wire());
        return json;
    }

    static Map<String, Object> document(KnowledgeDocument d) {
        DocumentSummary s = d.summary();
        DocumentVersion v = s.version();
        TextStats stats = d.stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id().toString());
        json.put("name", v.name());
        json.put("state", s.state().wire());
        json.put("contents", d.contents());
        json.put("reference", v.fields().reference().orElse(null));
        json.put("tags", v.fields().tags());
        json.put("createdAt", s.createdAt());
        json.put("updatedAt", s.updatedAt());
        json.put("indexedAt", s.indexedAt().orElse(null));
        json.put("characterCount", stats.characterCount());
        json.put("wordCount", stats.wordCount());
        json.put("approximateTokenCount", stats.approximateTokenCount());
        json.put("metadata", raw(v.fields().metadata()));
        return json;
    }

    static Map<String, Object> hit(SearchCollections.Hit h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documentId", h.documentId().toString());
        json.put("documentName", h.documentName());
        json.put("documentContent", h.content());
        json.put("score", h.score());
        json.put("metadata", raw(h.metadata()));
        json.put("referencedDocuments", h.references().stream().map(r -> {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("documentId", r.documentId().toString());
            ref.put("documentContent", r.content());
            return ref;
        }).toList());
        return json;
    }

    /** One export line, in the upload's own format, so an export uploads back unchanged. */
    static String exportLine(KnowledgeDocument d) {
        DocumentVersion v = d.version();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("docId", v.name());
        json.put("text", d.contents());
        json.put("__ref", v.fields().reference().orElse(null));
        json.put("__tags", v.fields().tags());
        json.put("__meta", raw(v.fields().metadata()));
        try {
            return PLAIN.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
