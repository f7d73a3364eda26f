package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.KnowledgeCollection;
import io.olyx.domain.rag.RerankerKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Semantic search over a project's collections ({@code POST /api/v1/query}): hybrid search over their indexes,
 * then each hit named from the database, so a result shows the document's current name and metadata (metadata can
 * change without re-indexing) and a document deleted a moment ago never shows up.
 */
public final class SearchCollections {
    public static final int MAX_TOP = 100;
    /** Each term is embedded and searched on its own (about 10 ms of a core), so a request holds a few at most. */
    public static final int MAX_TERMS = 16;
    /** Past this a term is not a query but a document: the model reads its first 512 word pieces anyway. */
    public static final int MAX_TERM_LENGTH = 4_000;

    private final CollectionRepository collections;
    private final DocumentRepository documents;
    private final HybridSearch search;

    public SearchCollections(CollectionRepository collections, DocumentRepository documents, HybridSearch search) {
        this.collections = collections;
        this.documents = documents;
        this.search = search;
    }

    public record Request(List<CollectionId> collections, List<String> terms, int top, double minScore,
                          RerankerKind reranker, boolean includeReferences) {
        public Request {
            collections = List.copyOf(new LinkedHashSet<>(collections));
            terms = terms.stream().filter(t -> !t.isBlank()).map(String::strip).distinct().toList();
            Objects.requireNonNull(reranker, "reranker");
            InvalidInput.require(!collections.isEmpty(), "collections",
                    "collections must name at least one collection");
            InvalidInput.require(!terms.isEmpty(), "terms", "terms must hold at least one non-empty term");
            InvalidInput.require(terms.size() <= MAX_TERMS, "terms", "terms may hold at most " + MAX_TERMS + " terms");
            InvalidInput.require(terms.stream().allMatch(t -> Characters.count(t) <= MAX_TERM_LENGTH), "terms",
                    "each term may be at most " + MAX_TERM_LENGTH + " characters");
            InvalidInput.require(top >= 1 && top <= MAX_TOP, "top", "top must be between 1 and " + MAX_TOP);
            InvalidInput.require(minScore >= 0 && minScore <= 1, "minScore", "minScore must be between 0 and 1");
        }
    }

    public sealed interface Outcome {
        record Found(List<Hit> hits) implements Outcome {
            public Found {
                hits = List.copyOf(hits);
            }
        }

        record CollectionNotFound(CollectionId id) implements Outcome {
        }
    }

    /** A matching chunk of a document, with the chunks around it when references were asked for. */
    public record Hit(CollectionId collection, DocumentId documentId, String documentName, String content,
                      double score, DocumentMetadata metadata, List<Reference> references) {
        public Hit {
            references = List.copyOf(references);
        }
    }

    public record Reference(DocumentId documentId, String content) {
    }

    public Outcome search(ProjectId project, Request request) {
        List<String> keys = new ArrayList<>();
        for (CollectionId id : request.collections()) {
            Optional<KnowledgeCollection> c = collections.find(project, id);
            if (c.isEmpty()) {
                return new Outcome.CollectionNotFound(id);
            }
            keys.add(c.get().indexKey());
        }
        HybridSearch.Results results = search.search(new HybridSearch.Query(keys, request.terms(), request.top(),
                request.minScore(), request.reranker(), request.includeReferences()));
        List<DocumentId> ids = results.results().stream().map(r -> documentId(r.chunk())).flatMap(Optional::stream)
                .distinct().toList();
        Map<DocumentId, DocumentVersion> named = documents.versions(request.collections(), ids);
        List<Hit> hits = new ArrayList<>();
        for (HybridSearch.Result r : results.results()) {
            documentId(r.chunk()).map(named::get).ifPresent(v -> hits.add(new Hit(collection(r.indexKey()), v.id(),
                    v.name(), r.chunk().text(), r.score(), v.fields().metadata(), r.references().stream()
                    .map(n -> new Reference(v.id(), n.text())).toList())));
        }
        return new Outcome.Found(hits);
    }

    private static Optional<DocumentId> documentId(StoredChunk chunk) {
        return DocumentId.parse(chunk.documentId());
    }

    private static CollectionId collection(String indexKey) {
        return CollectionId.parse(indexKey.substring(indexKey.indexOf('/') + 1)).orElseThrow();
    }
}
