package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.port.DocumentRepository.NewDocument;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import io.olyx.domain.common.Characters;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayId;
import io.olyx.domain.gateway.GatewayParameters;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.MemoryFormat;
import io.olyx.domain.gateway.MemoryId;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.DistributionPolicy;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.DocumentInput;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.DocumentVersion;
import io.olyx.domain.rag.KnowledgeCollection;
import io.olyx.domain.rag.KnowledgeDocument;
import io.olyx.domain.rag.Tags;
import io.olyx.domain.trace.ProviderAttempt;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every column that stores a length-limited value a caller sends holds that value at its limit when each character
 * lies outside the Basic Multilingual Plane (two UTF-16 units each, which is how H2 counts a VARCHAR), on H2 and on
 * PostgreSQL, and gives it back unchanged. Each value is first accepted by the domain rule that guards it.
 */
abstract class TextLimitsContract extends DatabaseContract {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");

    /** {@code n} characters outside the BMP (emoji, a CJK extension B ideograph, a musical symbol). */
    static String wide(int n) {
        String text = "😀𠜎𝄞".repeat(n).codePoints().limit(n)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(Characters.count(text)).isEqualTo(n);
        assertThat(text.length()).isEqualTo(2 * n);
        return text;
    }

    private Project project() {
        return db.projects().insert("p", "", ProjectSettings.empty(), NOW);
    }

    @Test
    void aProjectKeepsANameAndDescriptionAtTheirLimits() {
        Project.validateName(wide(Project.MAX_NAME_LENGTH));
        Project inserted = db.projects().insert(wide(Project.MAX_NAME_LENGTH), wide(Project.MAX_DESCRIPTION_LENGTH),
                ProjectSettings.empty(), NOW);

        Project read = db.projects().findById(inserted.id()).orElseThrow();
        assertThat(read.name()).isEqualTo(wide(Project.MAX_NAME_LENGTH));
        assertThat(read.description()).isEqualTo(wide(Project.MAX_DESCRIPTION_LENGTH));
        assertThat(read).isEqualTo(inserted);
    }

    @Test
    void anAccountKeepsANameAndEmailAtTheirLimits() {
        Account account = new Account(new AccountId(db.ids().timeOrderedUuid()), wide(Account.MAX_NAME_LENGTH),
                wide(318) + "@x", Role.MEMBER, false, Map.of(), NOW);
        db.accounts().insert(account, "hash-" + account.id());

        assertThat(db.accounts().findById(account.id())).contains(account);
    }

    @Test
    void anApiKeyKeepsANameAtItsLimit() {
        ApiKey key = new ApiKey(new ApiKeyId("ak_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)),
                wide(ApiKey.MAX_NAME_LENGTH), project().id(), "secret-hash", "ak_000...0000", KeyStatus.ACTIVE,
                Optional.empty(), Optional.empty(), 0, Optional.empty(), NOW);
        db.apiKeys().insert(key);

        assertThat(db.apiKeys().findById(key.id())).contains(key);
    }

    @Test
    void aModelAndItsStepsKeepNameUrlRegionAndInfrastructureAtTheirLimits() {
        Project project = project();
        ModelDefinition model = new ModelDefinition(db.models().nextId(), project.id(), wide(200), "wide-model",
                ProviderKind.OPENAI, Optional.of("https://llm.example/" + wide(2000 - 20)), Optional.empty(), false,
                Pricing.free(), 30, wide(64), "USD", Map.of("infrastructure", wide(64)), NOW, NOW);
        assertThat(db.models().insert(model)).isTrue();

        assertThat(db.models().findById(project.id(), model.id())).contains(model);

        Trace trace = trace(project, Map.of(), Optional.empty(), "api");
        db.traces().insert(trace);
        Step step = new Step(db.ids().nextStepId(), trace.id(), project.id(), StepType.RUN, Optional.empty(),
                Optional.empty(), Optional.of(new Step.ModelCall(model.identifier(), "openai", model.infrastructure(),
                        Optional.empty(), new StepUsage(1, 1, 0, false, BigDecimal.ZERO),
                        List.of(new ProviderAttempt(model.identifier(), "openai", true, Optional.of(200),
                                Optional.empty(), 1.0)))),
                "input", "output", 1.0, StepOutcome.OK, StepSecurity.clean(), Map.of(), NOW);
        db.stepRecorder().record(step);

        assertThat(db.steps().listByTrace(project.id(), trace.id())).singleElement()
                .satisfies(read -> assertThat(read.modelCall().orElseThrow().infrastructure()).isEqualTo(wide(64)));
    }

    @Test
    void aTraceKeepsLocalRefChannelAndMetadataAtTheirLimits() {
        // keys are letters, digits, _ and - only; values are free text
        Map<String, Object> metadata = Map.of("k".repeat(Trace.MAX_METADATA_KEY_LENGTH),
                wide(Trace.MAX_METADATA_VALUE_LENGTH));
        Trace.validateMetadata(metadata);
        Trace.validateLocalRef(wide(Trace.MAX_LOCAL_REF_LENGTH));
        DistributionPolicy.validateChannel(wide(DistributionPolicy.MAX_CHANNEL_LENGTH), "distribution_channel");
        Project project = project();
        Trace trace = trace(project, metadata, Optional.of(wide(Trace.MAX_LOCAL_REF_LENGTH)),
                wide(DistributionPolicy.MAX_CHANNEL_LENGTH));
        db.traces().insert(trace);

        assertThat(db.traces().find(project.id(), trace.id())).contains(trace);
    }

    @Test
    void aGatewayKeepsANameAtItsLimit() {
        GatewayId id = new GatewayId(UUID.randomUUID());
        String name = wide(Gateway.MAX_NAME);
        Gateway gateway = new Gateway(id, project().id(), name, Gateway.slugFor(name, id, 4),
                GatewayParameters.parse(Map.of("modelName", "gpt-4o")), Optional.empty(), NOW, NOW);
        assertThat(db.gateways().insert(gateway)).isTrue();

        assertThat(db.gateways().find(gateway.projectId(), id).orElseThrow().name()).isEqualTo(name);
    }

    @Test
    void aGatewaySlugHoldsANameWhoseLowerCaseIsLonger() {
        GatewayId id = new GatewayId(UUID.randomUUID());
        String name = "\u0130".repeat(Gateway.MAX_NAME);
        String slug = Gateway.slugFor(name, id, 32);
        assertThat(slug).hasSize(2 * Gateway.MAX_NAME - 1 + 1 + 32);
        Gateway gateway = new Gateway(id, project().id(), name, slug,
                GatewayParameters.parse(Map.of("modelName", "gpt-4o")), Optional.empty(), NOW, NOW);
        assertThat(db.gateways().insert(gateway)).isTrue();

        assertThat(db.gateways().find(gateway.projectId(), id).orElseThrow().slug()).isEqualTo(slug);
    }

    @Test
    void aMemoryKeepsItsUserAndContentAtTheirLimits() {
        Memory memory = new Memory(new MemoryId(UUID.randomUUID()), project().id(), wide(Memory.MAX_USER_ID),
                wide(Memory.MAX_CONTENT), MemoryFormat.TEXT, NOW, NOW.plus(Duration.ofDays(30)));
        db.memories().insert(memory);

        assertThat(db.memories().find(memory.projectId(), memory.id(), NOW)).contains(memory);
        assertThat(db.memories().forUser(memory.projectId(), wide(Memory.MAX_USER_ID), NOW, 10))
                .containsExactly(memory);
    }

    @Test
    void aCollectionKeepsNameContextAndTagsAtTheirLimits() {
        KnowledgeCollection collection = new KnowledgeCollection(new CollectionId(db.ids().timeOrderedUuid()),
                project().id(), new KnowledgeCollection.Details(wide(KnowledgeCollection.Details.MAX_NAME),
                        Optional.of(wide(KnowledgeCollection.Details.MAX_CONTEXT)), wideTags()), NOW, NOW);
        db.collections().insert(collection);

        assertThat(db.collections().find(collection.projectId(), collection.id())).contains(collection);
        KnowledgeCollection quoted = collection.edited(new KnowledgeCollection.Details("quoted", Optional.empty(),
                quotedTags()), NOW.plusSeconds(1));
        db.collections().update(quoted);
        assertThat(db.collections().find(collection.projectId(), collection.id())).contains(quoted);
    }

    @Test
    void aDocumentKeepsNameReferenceAndTagsAtTheirLimits() {
        CollectionId collection = new CollectionId(db.ids().timeOrderedUuid());
        db.collections().insert(new KnowledgeCollection(collection, project().id(),
                new KnowledgeCollection.Details("docs", Optional.empty(), List.of()), NOW, NOW));
        DocumentInput input = new DocumentInput(wide(DocumentInput.MAX_NAME), wide(5000),
                Optional.of(wide(DocumentInput.MAX_REFERENCE)), Optional.of(wideTags()),
                Optional.of(new DocumentMetadata("{\"k\":\"" + wide(1000) + "\"}")));
        NewDocument document = new NewDocument(new DocumentId(db.ids().timeOrderedUuid()), input.name(),
                input.contents(), new DocumentVersion.Fields(input.reference(), input.tags().orElseThrow(),
                        input.metadata().orElseThrow()));
        db.documents().insert(collection, List.of(document), NOW);

        KnowledgeDocument read = db.documents().find(collection, document.id()).orElseThrow();
        assertThat(read.contents()).isEqualTo(document.contents());
        assertThat(read.summary().version().name()).isEqualTo(document.name());
        assertThat(read.summary().version().fields()).isEqualTo(document.fields());

        DocumentVersion.Fields quoted = new DocumentVersion.Fields(Optional.empty(), quotedTags(),
                DocumentMetadata.EMPTY);
        db.documents().describe(collection, document.id(), quoted, NOW.plusSeconds(1));
        assertThat(db.documents().find(collection, document.id()).orElseThrow().summary().version().fields()).isEqualTo(quoted);
    }

    /** As many tags as allowed, each as long as allowed, in wide characters. */
    private static List<String> wideTags() {
        return IntStream.range(0, Tags.MAX_TAGS).mapToObj(i -> String.format("%02d", i) + wide(Tags.MAX_LENGTH - 2))
                .toList();
    }

    /** As many tags as allowed, each as long as allowed, in characters that JSON escapes. */
    private static List<String> quotedTags() {
        return IntStream.range(0, Tags.MAX_TAGS).mapToObj(i -> String.format("%02d", i)
                + "\"\\\u0001".repeat(Tags.MAX_LENGTH)).map(t -> t.substring(0, Tags.MAX_LENGTH)).toList();
    }

    private Trace trace(Project project, Map<String, Object> metadata, Optional<String> localRef, String channel) {
        return new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.PENDING, metadata,
                Optional.empty(), localRef, channel, Optional.empty(), NOW, Optional.empty(), Optional.empty());
    }
}
