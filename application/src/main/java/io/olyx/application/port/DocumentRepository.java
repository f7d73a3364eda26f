package io.olyx.application.port;

import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.DocumentFilter;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentOrder;
import io.olyx.domain.rag.DocumentSummary;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.KnowledgeDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The documents of knowledge collections: their text, fields and indexing state. Every method is scoped by the
 * collection, which callers have already checked belongs to the caller's project. A document's revision grows by
 * one each time its text is replaced or it is queued again; marking documents indexed or cancelled only succeeds
 * for the revision given, so a job working on an old text never marks the new one done.
 */
public interface DocumentRepository {
    /** Every document's version (no text), for an upload to compare against. */
    List<DocumentVersion> versions(CollectionId collection);

    Optional<DocumentVersion> versionByName(CollectionId collection, String name);

    /** New documents at revision 1, queued. */
    void insert(CollectionId collection, List<NewDocument> documents, Instant now);

    /** Replaces the text and fields and queues the document again at {@code version.revision() + 1}. */
    void replaceText(CollectionId collection, DocumentVersion version, String contents, DocumentVersion.Fields fields,
                     Instant now);

    /** Changes reference, tags and metadata only; the index state stays. */
    void describe(CollectionId collection, DocumentId id, DocumentVersion.Fields fields, Instant now);

    int delete(CollectionId collection, Collection<DocumentId> ids);

    int deleteAll(CollectionId collection);

    Optional<KnowledgeDocument> find(CollectionId collection, DocumentId id);

    /** The listed documents with their text (for indexing); missing ones are left out. */
    List<KnowledgeDocument> findAll(CollectionId collection, Collection<DocumentId> ids);

    /** Versions of documents in any of the collections, by id (for naming search results). */
    Map<DocumentId, DocumentVersion> versions(Collection<CollectionId> collections, Collection<DocumentId> ids);

    Page<DocumentSummary> browse(CollectionId collection, DocumentFilter filter, DocumentOrder order,
                                 PageRequest page);

    /** Documents in id order after {@code after}, for streaming a whole collection out. */
    List<KnowledgeDocument> exportPage(CollectionId collection, Optional<DocumentId> after, int limit);

    /** Queues every document again (revision + 1) and returns the new revisions. */
    Map<DocumentId, Integer> requeueAll(CollectionId collection, Instant now);

    /** Current revisions of the listed documents that still exist. */
    Map<DocumentId, Integer> revisions(CollectionId collection, Collection<DocumentId> ids);

    int markIndexed(CollectionId collection, Map<DocumentId, Integer> revisions, Instant now);

    /** Returns the documents it cancelled (those still queued at the revision given), whose chunks must go. */
    Set<DocumentId> markCancelled(CollectionId collection, Map<DocumentId, Integer> revisions, Instant now);

    CollectionState state(CollectionId collection);

    Map<CollectionId, CollectionState> states(Collection<CollectionId> collections);

    /** A document to insert; its revision starts at 1 and its state at queued. */
    record NewDocument(DocumentId id, String name, String contents, DocumentVersion.Fields fields) {
    }
}
