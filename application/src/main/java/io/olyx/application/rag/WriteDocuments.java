package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentChange;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentInput;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Uploads (JSONL, by docId), single-document upserts (PUT, by name) and deletions. Each applies the seed's upsert
 * rules ({@link DocumentChange}) in one transaction together with enqueueing the indexing jobs, and returns at
 * once: embedding happens in the jobs. A sync upload also deletes every document the upload does not name.
 */
public final class WriteDocuments {
    private final CollectionRepository collections;
    private final DocumentRepository documents;
    private final IndexDocuments index;
    private final IndexLocks locks;
    private final IndexingQueue queue;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    public WriteDocuments(CollectionRepository collections, DocumentRepository documents, IndexDocuments index,
                          IndexLocks locks, IndexingQueue queue, UnitOfWork unitOfWork, IdGenerator ids,
                          Clock clock) {
        this.collections = collections;
        this.documents = documents;
        this.index = index;
        this.locks = locks;
        this.queue = queue;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** {@code enqueued}: created or with changed text; {@code skipped}: unchanged or with changed fields only. */
    public record UploadResult(int enqueued, int skipped, int deleted) {
    }

    public enum PutState {
        CREATED("Created"), MODIFIED("Modified"), NOT_MODIFIED("NotModified");

        private final String wire;

        PutState(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public record PutResult(DocumentId documentId, PutState state) {
    }

    /** Empty when the collection is not the project's. */
    public Optional<UploadResult> upload(ProjectId project, CollectionId id, List<DocumentInput> inputs,
                                         boolean sync) {
        Set<String> names = new HashSet<>();
        for (DocumentInput input : inputs) {
            InvalidInput.require(names.add(input.name()), "docId", "docId " + input.name() + " appears twice");
        }
        return collections.find(project, id).map(collection -> {
            Batch batch = unitOfWork.inTransaction(() -> {
                Map<String, DocumentVersion> stored = documents.versions(id).stream()
                        .collect(Collectors.toMap(DocumentVersion::name, Function.identity()));
                Batch b = apply(collection, inputs.stream()
                        .map(in -> DocumentChange.decide(Optional.ofNullable(stored.get(in.name())), in)).toList());
                if (sync) {
                    stored.keySet().removeAll(names);
                    b.removed.addAll(stored.values().stream().map(DocumentVersion::id).toList());
                    documents.delete(id, b.removed);
                }
                return b;
            });
            afterCommit(collection, batch);
            int enqueued = (int) batch.changes.stream().filter(DocumentChange::queuesIndexing).count();
            return new UploadResult(enqueued, inputs.size() - enqueued, batch.removed.size());
        });
    }

    /** Creates or updates the document with the input's name. Empty when the collection is not the project's. */
    public Optional<PutResult> put(ProjectId project, CollectionId id, DocumentInput input) {
        return collections.find(project, id).map(collection -> {
            Batch batch = unitOfWork.inTransaction(() -> apply(collection, List.of(
                    DocumentChange.decide(documents.versionByName(id, input.name()), input))));
            afterCommit(collection, batch);
            return switch (batch.changes.getFirst()) {
                case DocumentChange.Create create -> new PutResult(batch.created.getFirst(), PutState.CREATED);
                case DocumentChange.Reindex reindex -> new PutResult(reindex.existing().id(), PutState.MODIFIED);
                case DocumentChange.Describe describe -> new PutResult(describe.existing().id(), PutState.MODIFIED);
                case DocumentChange.Unchanged same -> new PutResult(same.existing().id(), PutState.NOT_MODIFIED);
            };
        });
    }

    /** Empty when the collection is not the project's; false when it has no such document. */
    public Optional<Boolean> delete(ProjectId project, CollectionId id, DocumentId documentId) {
        return collections.find(project, id).map(collection -> {
            boolean deleted = documents.delete(id, List.of(documentId)) > 0;
            if (deleted) {
                locks.run(collection.indexKey(), () -> index.remove(collection.indexKey(), documentId.toString()));
            }
            return deleted;
        });
    }

    private Batch apply(KnowledgeCollection collection, List<DocumentChange> changes) {
        Instant now = clock.instant();
        Batch batch = new Batch(changes);
        List<DocumentRepository.NewDocument> inserts = new ArrayList<>();
        for (DocumentChange change : changes) {
            switch (change) {
                case DocumentChange.Create c -> {
                    DocumentId newId = new DocumentId(ids.timeOrderedUuid());
                    inserts.add(new DocumentRepository.NewDocument(newId, c.input().name(), c.input().contents(),
                            c.fields()));
                    batch.created.add(newId);
                    batch.queued.put(newId, 1);
                }
                case DocumentChange.Reindex r -> {
                    documents.replaceText(collection.id(), r.existing(), r.input().contents(), r.fields(), now);
                    batch.queued.put(r.existing().id(), r.existing().revision() + 1);
                }
                case DocumentChange.Describe d -> documents.describe(collection.id(), d.existing().id(), d.fields(),
                        now);
                case DocumentChange.Unchanged u -> {
                }
            }
        }
        documents.insert(collection.id(), inserts, now);
        queue.enqueue(collection.projectId(), collection.id(), batch.queued);
        return batch;
    }

    private void afterCommit(KnowledgeCollection collection, Batch batch) {
        if (!batch.removed.isEmpty()) {
            locks.run(collection.indexKey(), () -> index.removeAll(collection.indexKey(),
                    batch.removed.stream().map(DocumentId::toString).toList()));
        }
        if (!batch.queued.isEmpty()) {
            queue.wake();
        }
    }

    /** What one transaction changed, for the answer and for the work after the commit. */
    private static final class Batch {
        final List<DocumentChange> changes;
        final List<DocumentId> created = new ArrayList<>();
        final Map<DocumentId, Integer> queued = new HashMap<>();
        final List<DocumentId> removed = new ArrayList<>();

        Batch(List<DocumentChange> changes) {
            this.changes = List.copyOf(changes);
        }
    }
}
