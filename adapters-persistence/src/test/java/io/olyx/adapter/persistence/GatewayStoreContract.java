package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.port.GatewayRepository;
import io.olyx.application.port.MemoryRepository;
import io.olyx.application.port.SkillRepository;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayId;
import io.olyx.domain.gateway.GatewayParameters;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.MemoryFormat;
import io.olyx.domain.gateway.MemoryId;
import io.olyx.domain.gateway.Skill;
import io.olyx.domain.gateway.SkillId;
import io.olyx.domain.model.SealedSecret;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Gateways, skills and memories on H2 and on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewayStoreContract {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");

    Database db;
    GatewayRepository gateways;
    SkillRepository skills;
    MemoryRepository memories;

    abstract DatabaseSettings settings();

    @BeforeAll
    void open() {
        db = Database.open(settings());
        gateways = db.gateways();
        skills = db.skills();
        memories = db.memories();
    }

    @AfterAll
    void close() {
        db.close();
    }

    private ProjectId project() {
        return db.projects().insert("p-" + UUID.randomUUID(), "", ProjectSettings.empty(), NOW).id();
    }

    private static Gateway gateway(ProjectId project, String slug, Map<String, Object> parameters) {
        return new Gateway(new GatewayId(UUID.randomUUID()), project, "Support", slug,
                GatewayParameters.parse(parameters), Optional.of(new SealedSecret("sealed")), NOW, NOW);
    }

    @Test
    void aGatewayKeepsItsWholeParametersDocumentAndItsSealedKey() {
        ProjectId project = project();
        Map<String, Object> parameters = Map.of("modelName", "gpt-4o", "enableBash", true,
                "moderationParameters", Map.of("violenceThreshold", 40), "flags", List.of("ThinkingProcess"));
        Gateway saved = gateway(project, "support:ab12", parameters);
        assertThat(gateways.insert(saved)).isTrue();

        Gateway found = gateways.find(project, saved.id()).orElseThrow();
        assertThat(found.parameters().document()).containsEntry("enableBash", true)
                .containsEntry("moderationParameters", Map.of("violenceThreshold", 40));
        assertThat(found.apiKey()).contains(new SealedSecret("sealed"));
        assertThat(found.slug()).isEqualTo("support:ab12");
        assertThat(gateways.find(project(), saved.id())).as("another project's gateway").isEmpty();
    }

    @Test
    void concurrentEditsOfAGatewaysParametersOnTwoNodesAllStay() throws Exception {
        ProjectId project = project();
        Gateway saved = gateway(project, "support:cd34", Map.of("modelName", "m"));
        gateways.insert(saved);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (Database otherNode = Database.open(settings())) {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Database node = i % 2 == 0 ? db : otherNode;
                String key = "custom_" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    node.unitOfWork().run(() -> {
                        Gateway current = node.gateways().findForUpdate(project, saved.id()).orElseThrow();
                        Map<String, Object> merged = new java.util.HashMap<>(current.parameters().document());
                        merged.put(key, true);
                        node.gateways().update(current.edited(current.name(), current.slug(),
                                GatewayParameters.parse(merged), current.apiKey(), NOW));
                    });
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(gateways.find(project, saved.id()).orElseThrow().parameters().document()).hasSize(21);
    }

    @Test
    void aTakenSlugIsRefusedNotThrown() {
        ProjectId project = project();
        assertThat(gateways.insert(gateway(project, "same:0001", Map.of("modelName", "m")))).isTrue();
        assertThat(gateways.insert(gateway(project, "same:0001", Map.of("modelName", "m")))).isFalse();
        assertThat(gateways.insert(gateway(project(), "same:0001", Map.of("modelName", "m"))))
                .as("slugs are unique per project only").isTrue();
        assertThat(gateways.list(project)).hasSize(1);
    }

    @Test
    void gatewaysAreEditedAndDeleted() {
        ProjectId project = project();
        Gateway g = gateway(project, "a:0001", Map.of("modelName", "m"));
        gateways.insert(g);
        Gateway edited = g.edited("Renamed", "renamed:0001", GatewayParameters.parse(Map.of("modelName", "n")),
                Optional.empty(), NOW.plusSeconds(5));
        assertThat(gateways.update(edited)).isTrue();
        Gateway found = gateways.find(project, g.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("Renamed");
        assertThat(found.parameters().modelName()).isEqualTo("n");
        assertThat(found.apiKey()).isEmpty();
        assertThat(gateways.delete(project, g.id())).isTrue();
        assertThat(gateways.delete(project, g.id())).isFalse();
    }

    @Test
    void skillsAreUniqueBySlugAndClearedPerProject() {
        ProjectId project = project();
        Skill skill = skill(project, "summarizer");
        assertThat(skills.insert(skill)).isTrue();
        assertThat(skills.insert(skill(project, "summarizer"))).isFalse();
        assertThat(skills.insert(skill(project, "translator"))).isTrue();
        Skill found = skills.find(project, skill.id()).orElseThrow();
        assertThat(found.definition().allowedToolsNames()).containsExactly("web-search");
        assertThat(found.definition().options()).containsEntry("custom", "kept");
        assertThat(skills.list(project)).extracting(Skill::slug).containsExactlyInAnyOrder("summarizer",
                "translator");
        assertThat(skills.deleteAll(project)).isEqualTo(2);
        assertThat(skills.list(project)).isEmpty();
    }

    private static Skill skill(ProjectId project, String slug) {
        return new Skill(new SkillId(UUID.randomUUID()), project, Skill.Definition.parse(Map.of("slug", slug,
                "instructions", "Summarize.", "options", Map.of("allowedToolsNames", List.of("web-search"),
                        "custom", "kept"))), NOW);
    }

    @Test
    void memoriesAreReadUntilTheyExpireNewestFirst() {
        ProjectId project = project();
        Memory old = memory(project, "u-1", "Likes tea", NOW.minusSeconds(60), NOW.plus(10, ChronoUnit.DAYS));
        Memory recent = memory(project, "u-1", "Lives in Lisbon", NOW, NOW.plus(10, ChronoUnit.DAYS));
        Memory expired = memory(project, "u-1", "Was moving house", NOW.minusSeconds(90), NOW.minusSeconds(1));
        Memory other = memory(project, "u-2", "Likes coffee", NOW, NOW.plus(10, ChronoUnit.DAYS));
        List.of(old, recent, expired, other).forEach(memories::insert);

        assertThat(memories.forUser(project, "u-1", NOW, 10)).extracting(Memory::content)
                .containsExactly("Lives in Lisbon", "Likes tea");
        assertThat(memories.forUser(project, "u-1", NOW, 1)).hasSize(1);
        assertThat(memories.find(project, expired.id(), NOW)).isEmpty();
        assertThat(memories.list(project, Optional.of("LIKES"), Optional.empty(), NOW, 100))
                .extracting(Memory::content).containsExactlyInAnyOrder("Likes tea", "Likes coffee");
        assertThat(memories.list(project, Optional.of("100%"), Optional.empty(), NOW, 100))
                .as("LIKE wildcards in a filter are literal").isEmpty();
        assertThat(memories.list(project, Optional.of("u-2"), Optional.of(MemoryFormat.TEXT), NOW, 100))
                .extracting(Memory::id).containsExactly(other.id());
        assertThat(memories.purgeExpired(NOW)).isEqualTo(1);
        assertThat(memories.deleteForUser(project, "u-1", MemoryFormat.DATE_REMINDER)).isZero();
        assertThat(memories.deleteForUser(project, "u-1", MemoryFormat.TEXT)).isEqualTo(2);
        assertThat(memories.delete(project, other.id())).isTrue();
        assertThat(memories.list(project, Optional.empty(), Optional.empty(), NOW, 100)).isEmpty();
    }

    private static Memory memory(ProjectId project, String user, String content, Instant created, Instant expires) {
        return new Memory(new MemoryId(UUID.randomUUID()), project, user, content, MemoryFormat.TEXT, created,
                expires);
    }
}
