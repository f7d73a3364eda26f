package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentFilter;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentOrder;
import io.olyx.domain.rag.DocumentSummary;
import io.olyx.domain.rag.KnowledgeDocument;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Browsing, reading and exporting the documents of a project's collection. */
public final class ReadDocuments {
    private static final int EXPORT_PAGE = 200;

    private final CollectionRepository collections;
    private final DocumentRepository documents;

    public ReadDocuments(CollectionRepository collections, DocumentRepository documents) {
        this.collections = collections;
        this.documents = documents;
    }

    /** Empty when the collection is not the project's. */
    public Optional<Page<DocumentSummary>> browse(ProjectId project, CollectionId id, DocumentFilter filter,
                                                  DocumentOrder order, PageRequest page) {
        return collections.find(project, id).map(c -> documents.browse(id, filter, order, page));
    }

    /** Empty when the collection is not the project's or holds no such document. */
    public Optional<KnowledgeDocument> find(ProjectId project, CollectionId id, DocumentId documentId) {
        return collections.find(project, id).flatMap(c -> documents.find(id, documentId));
    }

    /**
     * Hands every document of the collection to {@code sink} in creation order, a page at a time, so a large
     * collection streams out without being held in memory. False when the collection is not the project's.
     */
    public boolean export(ProjectId project, CollectionId id, Consumer<KnowledgeDocument> sink) {
        if (collections.find(project, id).isEmpty()) {
            return false;
        }
        Optional<DocumentId> after = Optional.empty();
        while (true) {
            List<KnowledgeDocument> page = documents.exportPage(id, after, EXPORT_PAGE);
            page.forEach(sink);
            if (page.size() < EXPORT_PAGE) {
                return true;
            }
            after = Optional.of(page.getLast().id());
        }
    }
}
