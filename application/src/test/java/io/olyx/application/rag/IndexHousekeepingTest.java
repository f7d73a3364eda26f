package io.olyx.application.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.DocumentRepository.NewDocument;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IndexHousekeepingTest {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");
    private static final EmbeddingModelSpec SPEC = new EmbeddingModelSpec("hash-v1", 2);

    private final InMemoryCollections collections = new InMemoryCollections();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final InMemorySearchIndex index = new InMemorySearchIndex();
    private final IndexHousekeeping housekeeping = new IndexHousekeeping(collections, documents, index,
            new IndexDocuments(index, new HashingEmbedder("hash-v1"), new Chunker(ChunkingPolicy.DEFAULT), 256),
            new IndexLocks());

    @Test
    void chunksOfDocumentsThatNoLongerExistAreRemovedPageByPage() {
        KnowledgeCollection collection = collection();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NewDocument d = new NewDocument(new DocumentId(UUID.randomUUID()), "kept " + i, "text " + i,
                    new DocumentVersion.Fields(Optional.empty(), List.of(), DocumentMetadata.EMPTY));
            documents.insert(collection.id(), List.of(d), NOW);
            chunks(collection, d.id().toString(), 2);
            kept.add(d.id().toString());
        }
        int orphans = IndexHousekeeping.ORPHAN_CHECK_PAGE * 2 + 7;
        for (int i = 0; i < orphans; i++) {
            chunks(collection, UUID.randomUUID().toString(), 1);
        }
        chunks(collection, "not-a-document-id", 1);

        assertThat(housekeeping.removeOrphanChunks()).isEqualTo(orphans + 1);

        assertThat(index.documentIds(collection.indexKey(), Optional.empty(), 10))
                .containsExactlyInAnyOrderElementsOf(kept);
        assertThat(index.count(collection.indexKey())).isEqualTo(6);
        assertThat(housekeeping.removeOrphanChunks()).as("once clean, nothing more").isZero();
    }

    @Test
    void anotherCollectionsDocumentsDoNotKeepChunksInThisOne() {
        KnowledgeCollection one = collection();
        KnowledgeCollection other = collection();
        DocumentId elsewhere = new DocumentId(UUID.randomUUID());
        documents.insert(other.id(), List.of(new NewDocument(elsewhere, "x", "text",
                new DocumentVersion.Fields(Optional.empty(), List.of(), DocumentMetadata.EMPTY))), NOW);
        chunks(one, elsewhere.toString(), 1);

        assertThat(housekeeping.removeOrphanChunks()).isEqualTo(1);
        assertThat(index.count(one.indexKey())).isZero();
    }

    private KnowledgeCollection collection() {
        KnowledgeCollection c = new KnowledgeCollection(new CollectionId(UUID.randomUUID()), new ProjectId(7),
                KnowledgeCollection.Details.of("c", Optional.empty(), Optional.empty()), NOW, NOW);
        collections.insert(c);
        return c;
    }

    private void chunks(KnowledgeCollection collection, String documentId, int count) {
        List<ChunkToIndex> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(new ChunkToIndex(new StoredChunk(documentId + "#" + i, documentId, "d", i, 0, 4, "text",
                    DocumentMetadata.EMPTY), new float[] {1, 0}));
        }
        index.upsert(collection.indexKey(), SPEC, chunks);
    }
}
