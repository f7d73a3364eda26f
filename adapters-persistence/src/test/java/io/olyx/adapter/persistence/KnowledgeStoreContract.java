package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.DocumentRepository.NewDocument;
import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.DocumentFilter;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.DocumentOrder;
import io.olyx.domain.rag.DocumentSummary;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.IndexState;
import io.olyx.domain.rag.KnowledgeCollection;
import io.olyx.domain.rag.KnowledgeDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Collections and documents against H2 and a real PostgreSQL (the two subclasses). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KnowledgeStoreContract {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");

    Database db;
    CollectionRepository collections;
    DocumentRepository documents;

    abstract DatabaseSettings settings();

    @BeforeAll
    void open() {
        db = Database.open(settings());
        collections = db.collections();
        documents = db.documents();
    }

    @AfterAll
    void close() {
        db.close();
    }

    Project newProject() {
        return db.projects().insert("p", "", ProjectSettings.empty(), NOW);
    }

    KnowledgeCollection newCollection(Project project) {
        KnowledgeCollection c = new KnowledgeCollection(new CollectionId(db.ids().timeOrderedUuid()), project.id(),
                KnowledgeCollection.Details.of("Docs", Optional.of("about things"), Optional.of("a, b")), NOW, NOW);
        collections.insert(c);
        return c;
    }

    NewDocument doc(String name, String text, List<String> tags, String meta) {
        return new NewDocument(new DocumentId(db.ids().timeOrderedUuid()), name, text,
                new DocumentVersion.Fields(Optional.of("ref-" + name), tags, new DocumentMetadata(meta)));
    }

    @Test
    void collectionsAreScopedToTheirProject() {
        Project mine = newProject();
        Project other = newProject();
        KnowledgeCollection c = newCollection(mine);

        assertThat(collections.find(mine.id(), c.id())).contains(c);
        assertThat(collections.find(other.id(), c.id())).isEmpty();
        assertThat(collections.findAny(c.id())).contains(c);
        assertThat(collections.list(mine.id())).containsExactly(c);
        assertThat(collections.list(other.id())).isEmpty();
        assertThat(collections.delete(other.id(), c.id())).isFalse();

        KnowledgeCollection edited = c.edited(KnowledgeCollection.Details.of("Renamed", Optional.empty(),
                Optional.empty()), NOW.plusSeconds(5));
        collections.update(edited);
        assertThat(collections.find(mine.id(), c.id())).contains(edited);
    }

    @Test
    void documentsRoundTripWithTheirFieldsAndState() {
        KnowledgeCollection c = newCollection(newProject());
        NewDocument a = doc("a", "Alpha text.\n\nSecond   paragraph.", List.of("x", "y"), "{\"k\":1}");
        documents.insert(c.id(), List.of(a), NOW);

        KnowledgeDocument stored = documents.find(c.id(), a.id()).orElseThrow();
        assertThat(stored.contents()).isEqualTo(a.contents());
        assertThat(stored.version().fields()).isEqualTo(a.fields());
        assertThat(stored.version().revision()).isEqualTo(1);
        assertThat(stored.summary().state()).isEqualTo(IndexState.QUEUED);
        assertThat(stored.summary().preview()).isEqualTo("Alpha text. Second paragraph.");
        assertThat(documents.versionByName(c.id(), "a")).contains(stored.version());
        assertThat(documents.state(c.id())).isEqualTo(new CollectionState(1, 0, 1));
    }

    /** The preview is cut in two places, the head the database reads and the preview itself; neither splits a pair. */
    @Test
    void previewsOfEmojiTextEndInWholeCharacters() {
        KnowledgeCollection c = newCollection(newProject());
        NewDocument longText = doc("long", "x" + "😀".repeat(150), List.of(), "{}");
        NewDocument spaced = doc("spaced", "a" + "\n".repeat(300) + "😀".repeat(100), List.of(), "{}");
        documents.insert(c.id(), List.of(longText, spaced), NOW);

        assertThat(documents.find(c.id(), longText.id()).orElseThrow().summary().preview())
                .isEqualTo("x" + "😀".repeat(99) + "…");
        assertThat(documents.find(c.id(), spaced.id()).orElseThrow().summary().preview())
                .as("the 400 units read for the preview end inside the 50th emoji").isEqualTo("a " + "😀".repeat(49));
    }

    @Test
    void markingIndexedOnlyTakesTheRevisionThatWasEmbedded() {
        KnowledgeCollection c = newCollection(newProject());
        NewDocument a = doc("a", "one", List.of(), "{}");
        documents.insert(c.id(), List.of(a), NOW);
        DocumentVersion v1 = documents.versionByName(c.id(), "a").orElseThrow();
        documents.replaceText(c.id(), v1, "two", v1.fields(), NOW.plusSeconds(1));

        assertThat(documents.markIndexed(c.id(), Map.of(a.id(), 1), NOW)).isZero();
        assertThat(documents.find(c.id(), a.id()).orElseThrow().summary().state()).isEqualTo(IndexState.QUEUED);
        assertThat(documents.revisions(c.id(), List.of(a.id()))).containsEntry(a.id(), 2);
        assertThat(documents.markIndexed(c.id(), Map.of(a.id(), 2), NOW)).isEqualTo(1);

        KnowledgeDocument done = documents.find(c.id(), a.id()).orElseThrow();
        assertThat(done.summary().state()).isEqualTo(IndexState.INDEXED);
        assertThat(done.summary().indexedAt()).contains(NOW);
        assertThat(done.contents()).isEqualTo("two");
        assertThat(documents.state(c.id())).isEqualTo(new CollectionState(1, 1, 0));
    }

    @Test
    void describingChangesFieldsButNotTheIndexState() {
        KnowledgeCollection c = newCollection(newProject());
        NewDocument a = doc("a", "text", List.of("t"), "{}");
        documents.insert(c.id(), List.of(a), NOW);
        documents.markIndexed(c.id(), Map.of(a.id(), 1), NOW);
        DocumentVersion.Fields fields = new DocumentVersion.Fields(Optional.empty(), List.of("u"),
                new DocumentMetadata("{\"page\":2}"));

        documents.describe(c.id(), a.id(), fields, NOW.plusSeconds(9));

        KnowledgeDocument d = documents.find(c.id(), a.id()).orElseThrow();
        assertThat(d.version().fields()).isEqualTo(fields);
        assertThat(d.version().revision()).isEqualTo(1);
        assertThat(d.summary().state()).isEqualTo(IndexState.INDEXED);
        assertThat(d.summary().updatedAt()).isEqualTo(NOW.plusSeconds(9));
    }

    @Test
    void requeueingMovesEveryDocumentToTheNextRevisionAndCancellingEndsAQueuedOne() {
        KnowledgeCollection c = newCollection(newProject());
        NewDocument a = doc("a", "one", List.of(), "{}");
        NewDocument b = doc("b", "two", List.of(), "{}");
        documents.insert(c.id(), List.of(a, b), NOW);
        documents.markIndexed(c.id(), Map.of(a.id(), 1, b.id(), 1), NOW);

        assertThat(documents.requeueAll(c.id(), NOW)).isEqualTo(Map.of(a.id(), 2, b.id(), 2));
        assertThat(documents.state(c.id())).isEqualTo(new CollectionState(2, 0, 2));
        assertThat(documents.markCancelled(c.id(), Map.of(a.id(), 1, b.id(), 2), NOW)).as("a is at revision 2")
                .containsExactly(b.id());
        assertThat(documents.state(c.id())).isEqualTo(new CollectionState(2, 0, 1));
    }

    @Test
    void browsingFiltersByTagNameReferenceAndStateAndPagesInOrder() {
        KnowledgeCollection c = newCollection(newProject());
        List<NewDocument> docs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            docs.add(doc("Report " + i, "text " + i, i % 2 == 0 ? List.of("even", "50%") : List.of("odd"), "{}"));
        }
        docs.add(doc("zz_c", "x", List.of("evenly"), "{}"));
        documents.insert(c.id(), docs, NOW);
        documents.markIndexed(c.id(), Map.of(docs.get(0).id(), 1), NOW);

        assertThat(names(browse(c, "-t even", Optional.empty(), DocumentOrder.NAME_ASC)))
                .containsExactly("Report 0", "Report 2", "Report 4", "Report 6");
        assertThat(names(browse(c, "-t 50%", Optional.empty(), DocumentOrder.NAME_ASC))).hasSize(4);
        assertThat(names(browse(c, "-t 5", Optional.empty(), DocumentOrder.NAME_ASC))).isEmpty();
        assertThat(names(browse(c, "-n REPORT -t odd", Optional.empty(), DocumentOrder.NAME_DESC)))
                .containsExactly("Report 5", "Report 3", "Report 1");
        assertThat(names(browse(c, "z_", Optional.empty(), DocumentOrder.NAME_ASC))).containsExactly("zz_c");
        assertThat(names(browse(c, "-r \"ref-Report 3\"", Optional.empty(), DocumentOrder.NAME_ASC)))
                .containsExactly("Report 3");
        assertThat(names(browse(c, "", Optional.of(IndexState.INDEXED), DocumentOrder.NAME_ASC)))
                .containsExactly("Report 0");

        Page<DocumentSummary> second = documents.browse(c.id(), DocumentFilter.NONE, DocumentOrder.NAME_ASC,
                new PageRequest(2, 3));
        assertThat(second.total()).isEqualTo(8);
        assertThat(names(second)).containsExactly("Report 3", "Report 4", "Report 5");
    }

    @Test
    void aTagFilterMatchesWholeTagsNotTheEndOfATagHoldingAQuote() {
        KnowledgeCollection c = newCollection(newProject());
        documents.insert(c.id(), List.of(doc("plain", "x", List.of("other", "even"), "{}"),
                doc("quoted", "y", List.of("say\"even"), "{}")), NOW);

        assertThat(names(browse(c, "-t even", Optional.empty(), DocumentOrder.NAME_ASC))).containsExactly("plain");
        assertThat(names(browse(c, "-t other -t even", Optional.empty(), DocumentOrder.NAME_ASC)))
                .containsExactly("plain");
    }

    @Test
    void exportPagesThroughEveryDocumentExactlyOnce() {
        KnowledgeCollection c = newCollection(newProject());
        List<NewDocument> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(doc("d" + i, "text " + i, List.of(), "{}"));
        }
        documents.insert(c.id(), docs, NOW);

        List<String> seen = new ArrayList<>();
        Optional<DocumentId> after = Optional.empty();
        for (int page = 0; page < 3; page++) {
            List<KnowledgeDocument> got = documents.exportPage(c.id(), after, 2);
            got.forEach(d -> seen.add(d.version().name()));
            after = got.isEmpty() ? after : Optional.of(got.getLast().id());
        }
        assertThat(seen).containsExactlyInAnyOrder("d0", "d1", "d2", "d3", "d4");
    }

    @Test
    void documentsMadeTogetherBrowseAndExportInTheOrderTheirIdsWereMade() {
        KnowledgeCollection c = newCollection(newProject());
        List<NewDocument> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            made.add(doc("line " + i, "text " + i, List.of(), "{}"));
        }
        List<String> inOrder = made.stream().map(NewDocument::name).toList();
        List<NewDocument> shuffled = new ArrayList<>(made);
        Collections.shuffle(shuffled, new Random(7));
        documents.insert(c.id(), shuffled, NOW);

        assertThat(names(browse(c, "", Optional.empty(), DocumentOrder.CREATED_AT_ASC))).isEqualTo(inOrder);
        assertThat(names(browse(c, "", Optional.empty(), DocumentOrder.CREATED_AT_DESC)))
                .isEqualTo(inOrder.reversed());
        assertThat(documents.exportPage(c.id(), Optional.empty(), 100).stream().map(d -> d.version().name()))
                .containsExactlyElementsOf(inOrder);
    }

    @Test
    void searchResultsAreNamedOnlyFromTheCollectionsAsked() {
        KnowledgeCollection mine = newCollection(newProject());
        KnowledgeCollection theirs = newCollection(newProject());
        NewDocument a = doc("a", "x", List.of(), "{}");
        NewDocument b = doc("b", "y", List.of(), "{}");
        documents.insert(mine.id(), List.of(a), NOW);
        documents.insert(theirs.id(), List.of(b), NOW);

        assertThat(documents.versions(List.of(mine.id()), List.of(a.id(), b.id())).keySet())
                .containsExactly(a.id());
        Map<DocumentId, DocumentVersion> both = documents.versions(List.of(mine.id(), theirs.id()),
                List.of(a.id(), b.id()));
        assertThat(both.keySet()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(both.get(b.id()).name()).isEqualTo("b");
        assertThat(both.get(b.id()).fields()).isEqualTo(b.fields());
    }

    @Test
    void aLongTextIsStoredWhole() {
        KnowledgeCollection c = newCollection(newProject());
        String text = "word ".repeat(600_000);
        NewDocument big = doc("big", text, List.of(), "{}");
        documents.insert(c.id(), List.of(big), NOW);

        assertThat(documents.find(c.id(), big.id()).orElseThrow().contents()).hasSize(text.length());
    }

    @Test
    void namesAreUniqueWithinACollection() {
        KnowledgeCollection c = newCollection(newProject());
        documents.insert(c.id(), List.of(doc("same", "1", List.of(), "{}")), NOW);

        assertThatThrownBy(() -> documents.insert(c.id(), List.of(doc("same", "2", List.of(), "{}")), NOW))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void deletingAProjectDeletesItsCollectionsAndDocuments() {
        Project project = newProject();
        KnowledgeCollection c = newCollection(project);
        NewDocument a = doc("a", "x", List.of(), "{}");
        documents.insert(c.id(), List.of(a), NOW);

        db.projects().deleteWithData(project.id());

        assertThat(collections.findAny(c.id())).isEmpty();
        assertThat(documents.find(c.id(), a.id())).isEmpty();
    }

    @Test
    void anIndexingJobEnqueuedInsideAUnitOfWorkRollsBackWithIt() {
        Project project = newProject();
        KnowledgeCollection c = newCollection(project);
        NewDocument a = doc("a", "x", List.of(), "{}");
        long[] jobId = new long[1];

        assertThatThrownBy(() -> db.unitOfWork().run(() -> {
            documents.insert(c.id(), List.of(a), NOW);
            jobId[0] = db.jobs().enqueue(new NewJob("rag.index", Optional.of(project.id().value()), Map.of(), 1,
                    NOW, Optional.empty()), NOW).id();
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(documents.find(c.id(), a.id())).isEmpty();
        assertThat(db.jobs().find(jobId[0])).isEmpty();
    }

    private Page<DocumentSummary> browse(KnowledgeCollection c, String filter, Optional<IndexState> state,
                                         DocumentOrder order) {
        return documents.browse(c.id(), DocumentFilter.parse(filter, state), order, new PageRequest(1, 100));
    }

    private static List<String> names(Page<DocumentSummary> page) {
        return page.items().stream().map(s -> s.version().name()).toList();
    }
}
