package io.olyx.application.rag;

import io.olyx.application.port.DocumentRepository;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentChange;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentInput;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.KnowledgeCollection;
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
    private final KnowledgeStore store;

    public WriteDocuments(KnowledgeStore store) {
        this.store = store;
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
        return inOrder(project, id, collection -> {
            Map<String, DocumentVersion> stored = store.documents().versions(id).stream()
                    .collect(Collectors.toMap(DocumentVersion::name, Function.identity()));
            Batch b = apply(collection, inputs.stream()
                    .map(in -> DocumentChange.decide(Optional.ofNullable(stored.get(in.name())), in)).toList());
            if (sync) {
                stored.keySet().removeAll(names);
                b.removed.addAll(stored.values().stream().map(DocumentVersion::id).toList());
                store.documents().delete(id, b.removed);
            }
            return b;
        }).map(batch -> {
            int enqueued = (int) batch.changes.stream().filter(DocumentChange::queuesIndexing).count();
            return new UploadResult(enqueued, inputs.size() - enqueued, batch.removed.size());
        });
    }

    /** Creates or updates the document with the input's name. Empty when the collection is not the project's. */
    public Optional<PutResult> put(ProjectId project, CollectionId id, DocumentInput input) {
        return inOrder(project, id, collection -> apply(collection, List.of(
                DocumentChange.decide(store.documents().versionByName(id, input.name()), input))))
                .map(batch -> switch (batch.changes.getFirst()) {
                    case DocumentChange.Create create -> new PutResult(batch.created.getFirst(), PutState.CREATED);
                    case DocumentChange.Reindex reindex -> new PutResult(reindex.existing().id(), PutState.MODIFIED);
                    case DocumentChange.Describe describe -> new PutResult(describe.existing().id(),
                            PutState.MODIFIED);
                    case DocumentChange.Unchanged same -> new PutResult(same.existing().id(), PutState.NOT_MODIFIED);
                });
    }

    /** Empty when the collection is not the project's; false when it has no such document. */
    public Optional<Boolean> delete(ProjectId project, CollectionId id, DocumentId documentId) {
        return store.collections().find(project, id).map(collection -> {
            boolean deleted = store.documents().delete(id, List.of(documentId)) > 0;
            if (deleted) {
                String key = collection.indexKey();
                store.locks().run(key, () -> store.index().remove(key, documentId.toString()));
            }
            return deleted;
        });
    }

    /**
     * One transaction, and one at a time per collection (on this node, whose index it is): two uploads racing to
     * create the same name would otherwise both decide "create" and one would fail on the unique name. Empty when
     * the collection is not the project's, or was deleted while the write waited for it.
     */
    private Optional<Batch> inOrder(ProjectId project, CollectionId id, Function<KnowledgeCollection, Batch> work) {
        return store.withCollectionLocked(project, id, collection -> {
            Batch batch = store.unitOfWork().inTransaction(() -> work.apply(collection));
            afterCommit(collection, batch);
            return batch;
        });
    }

    private Batch apply(KnowledgeCollection collection, List<DocumentChange> changes) {
        Instant now = store.clock().instant();
        Batch batch = new Batch(changes);
        List<DocumentRepository.NewDocument> inserts = new ArrayList<>();
        for (DocumentChange change : changes) {
            switch (change) {
                case DocumentChange.Create c -> {
                    // made in line order and increasing (IdGenerator), so by id the upload's documents, which all
                    // share `now`, browse and export in the order of its lines
                    DocumentId newId = new DocumentId(store.ids().timeOrderedUuid());
                    inserts.add(new DocumentRepository.NewDocument(newId, c.input().name(), c.input().contents(),
                            c.fields()));
                    batch.created.add(newId);
                    batch.queued.put(newId, 1);
                }
                case DocumentChange.Reindex r -> {
                    store.documents().replaceText(collection.id(), r.existing(), r.input().contents(), r.fields(),
                            now);
                    batch.queued.put(r.existing().id(), r.existing().revision() + 1);
                    batch.replaced.add(r.existing().id());
                }
                case DocumentChange.Describe d -> store.documents().describe(collection.id(), d.existing().id(),
                        d.fields(), now);
                case DocumentChange.Unchanged u -> {
                }
            }
        }
        store.documents().insert(collection.id(), inserts, now);
        store.queue().enqueue(collection.projectId(), collection.id(), batch.queued);
        return batch;
    }

    /**
     * Still under the collection's index lock: the chunks of deleted documents go, and so do those of documents whose
     * text was replaced, so a query never answers with a text a document no longer has while its new text waits to
     * be indexed (or fails to be). Its old revision's job, finding the revision moved on, writes nothing.
     */
    private void afterCommit(KnowledgeCollection collection, Batch batch) {
        List<String> stale = new ArrayList<>();
        batch.removed.forEach(id -> stale.add(id.toString()));
        batch.replaced.forEach(id -> stale.add(id.toString()));
        store.index().removeAll(collection.indexKey(), stale);
        if (!batch.queued.isEmpty()) {
            store.queue().wake();
        }
    }

    /** What one transaction changed, for the answer and for the work after the commit. */
    private static final class Batch {
        final List<DocumentChange> changes;
        final List<DocumentId> created = new ArrayList<>();
        final Map<DocumentId, Integer> queued = new HashMap<>();
        final List<DocumentId> removed = new ArrayList<>();
        /** Documents whose text changed: their chunks hold the old text. */
        final List<DocumentId> replaced = new ArrayList<>();

        Batch(List<DocumentChange> changes) {
            this.changes = List.copyOf(changes);
        }
    }
}
