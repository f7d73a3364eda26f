package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentChangeTest {
    private static final DocumentMetadata META = new DocumentMetadata("{\"v\":1}");
    private static final DocumentMetadata OTHER_META = new DocumentMetadata("{\"v\":2}");

    private static DocumentVersion stored(String text) {
        return new DocumentVersion(new DocumentId(UUID.randomUUID()), "doc", ContentHash.of(text),
                new DocumentVersion.Fields(Optional.of("ref"), List.of("t"), META), 3);
    }

    private static DocumentInput input(String text, Optional<DocumentMetadata> meta) {
        return new DocumentInput("doc", text, Optional.empty(), Optional.empty(), meta);
    }

    @Test
    void aNewNameIsCreatedWithEmptyMetadataWhenNoneIsSent() {
        DocumentChange change = DocumentChange.decide(Optional.empty(), input("text", Optional.empty()));
        assertThat(change).isInstanceOf(DocumentChange.Create.class);
        assertThat(((DocumentChange.Create) change).fields().metadata()).isEqualTo(DocumentMetadata.EMPTY);
        assertThat(change.queuesIndexing()).isTrue();
    }

    @Test
    void changedTextWithoutMetadataIsReindexedKeepingTheStoredMetadata() {
        DocumentChange change = DocumentChange.decide(Optional.of(stored("old")), input("new", Optional.empty()));
        assertThat(change).isInstanceOf(DocumentChange.Reindex.class);
        assertThat(((DocumentChange.Reindex) change).fields())
                .isEqualTo(new DocumentVersion.Fields(Optional.of("ref"), List.of("t"), META));
    }

    @Test
    void changedTextWithMetadataIsReindexedTakingTheNewMetadata() {
        DocumentChange change = DocumentChange.decide(Optional.of(stored("old")), input("new", Optional.of(OTHER_META)));
        assertThat(((DocumentChange.Reindex) change).fields().metadata()).isEqualTo(OTHER_META);
    }

    @Test
    void changedMetadataAloneIsSavedWithoutIndexing() {
        DocumentChange change = DocumentChange.decide(Optional.of(stored("same")), input("same",
                Optional.of(OTHER_META)));
        assertThat(change).isInstanceOf(DocumentChange.Describe.class);
        assertThat(change.queuesIndexing()).isFalse();
        assertThat(((DocumentChange.Describe) change).fields().metadata()).isEqualTo(OTHER_META);
    }

    @Test
    void theSameTextAndMetadataChangeNothing() {
        assertThat(DocumentChange.decide(Optional.of(stored("same")), input("same", Optional.of(META))))
                .isInstanceOf(DocumentChange.Unchanged.class);
        assertThat(DocumentChange.decide(Optional.of(stored("same")), input("same", Optional.empty())))
                .isInstanceOf(DocumentChange.Unchanged.class);
    }

    @Test
    void changedTagsOrReferenceAloneAreSavedWithoutIndexing() {
        DocumentInput retagged = new DocumentInput("doc", "same", Optional.of("ref-2"), Optional.of(List.of("u")),
                Optional.empty());
        DocumentChange change = DocumentChange.decide(Optional.of(stored("same")), retagged);
        assertThat(change).isInstanceOf(DocumentChange.Describe.class);
        assertThat(((DocumentChange.Describe) change).fields())
                .isEqualTo(new DocumentVersion.Fields(Optional.of("ref-2"), List.of("u"), META));
    }
}
