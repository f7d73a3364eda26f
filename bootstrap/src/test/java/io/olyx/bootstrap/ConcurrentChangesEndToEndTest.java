package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Changes that race on one node (embedded H2): PATCHes that merge into one stored document, and requests that run
 * while their project is deleted.
 */
class ConcurrentChangesEndToEndTest extends OlyxAgainstFakeProvider {
    static final int PATCHES = 20;

    @BeforeAll
    void answerEveryCall() {
        provider.setDefault(FakeBehavior.text("ok").withUsage(10, 20));
    }

    @Test
    void parallelPatchesOfAProjectsSettingsKeepEveryKey() throws Exception {
        assertEveryProjectSettingKept(List.of(owner), owner);
    }

    @Test
    void parallelPatchesOfAModelsAdditionalConfigKeepEveryKey() throws Exception {
        assertEveryModelConfigKept(List.of(owner), owner, provider);
    }

    @Test
    void parallelAdminPatchesOfAnAccountKeepBothTheRoleAndTheState() throws Exception {
        assertEveryAccountChangeKept(List.of(owner), owner, "one");
    }

    /**
     * Model creates, key creates and model calls racing a DELETE of their project: each is answered as it would be
     * before the delete (2xx) or after it (404, or 401 for a key the delete took), never with a 5xx, and nothing is
     * logged as an unexpected failure.
     */
    @Test
    void deletingAProjectWhileRequestsRunAnswersThemAsBeforeOrAfterTheDelete() throws Exception {
        provider.setDefault(FakeBehavior.text("ok").withUsage(10, 20).delayFirstByte(Duration.ofMillis(40)));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        List<ApiClient.Response> answers = new ArrayList<>();
        try {
            for (int round = 0; round < 4; round++) {
                RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, olyx.api, "Doomed " + round,
                        Map.of());
                long project = tenant.projectId();
                answers.addAll(AtOnce.send(List.of(owner), 30, (node, i) -> switch (i % 3) {
                    case 0 -> i == 15 ? owner.delete("/api/v1/projects/" + project)
                            : owner.post("/api/v1/projects/" + project + "/models", Map.of("model_definition",
                                    Map.of("identifier", "m-" + i, "provider", "openai",
                                            "base_url", provider.baseUrl() + "/v1")));
                    case 1 -> owner.post("/api/v1/keys", Map.of("name", "k" + i, "project_id", project));
                    default -> tenant.client().post("/v1/chat/completions", Map.of("model", "metered",
                            "messages", List.of(Map.of("role", "user", "content", "Say ok " + i))));
                }));
                assertThat(owner.get("/api/v1/projects/" + project).status()).isEqualTo(404);
            }
            Thread.sleep(200);
        } finally {
            root.detachAppender(logged);
            provider.setDefault(FakeBehavior.text("ok").withUsage(10, 20));
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isLessThan(500));
        assertThat(answers).filteredOn(a -> a.status() >= 400).allSatisfy(a -> assertThat(a.text("code"))
                .as(a.toString()).isIn("not_found", "model_not_found", "unauthorized", "invalid_api_key", "key_inactive"));
        assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    static void assertEveryProjectSettingKept(List<ApiClient> nodes, ApiClient owner) throws Exception {
        long project = owner.post("/api/v1/projects", Map.of("project", Map.of("name", "Merged"))).json()
                .path("id").asLong();
        List<ApiClient.Response> answers = AtOnce.send(nodes, PATCHES, (node, i) -> node.patch("/api/v1/projects/"
                + project, Map.of("project", Map.of("settings", Map.of("custom_" + i, i)))));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        JsonNode settings = owner.get("/api/v1/projects/" + project).json().path("settings");
        for (int i = 0; i < PATCHES; i++) {
            assertThat(settings.path("custom_" + i).asInt(-1)).as("custom_" + i + " in " + settings).isEqualTo(i);
        }
    }

    static void assertEveryModelConfigKept(List<ApiClient> nodes, ApiClient owner, FakeProviderServer provider)
            throws Exception {
        long project = owner.post("/api/v1/projects", Map.of("project", Map.of("name", "Merged model"))).json()
                .path("id").asLong();
        ApiClient.Response created = owner.post("/api/v1/projects/" + project + "/models", Map.of(
                "model_definition", Map.of("identifier", "merged", "provider", "openai",
                        "base_url", provider.baseUrl() + "/v1")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String model = "/api/v1/projects/" + project + "/models/" + created.json().path("id").asLong();
        List<ApiClient.Response> answers = AtOnce.send(nodes, PATCHES, (node, i) -> node.patch(model,
                Map.of("additional_config", Map.of("custom_" + i, i))));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        JsonNode config = owner.get(model).json().path("additional_config");
        for (int i = 0; i < PATCHES; i++) {
            assertThat(config.path("custom_" + i).asInt(-1)).as("custom_" + i + " in " + config).isEqualTo(i);
        }
    }

    /**
     * Each account gets one PATCH making it an admin and nine disabling it, all at once: a disabling PATCH that read
     * the account before the role changed and wrote after would put the member role back.
     */
    static void assertEveryAccountChangeKept(List<ApiClient> nodes, ApiClient owner, String run) throws Exception {
        int accounts = 4;
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            ApiClient.Response created = owner.post("/api/v1/admin/accounts", Map.of("name", "Raced " + a,
                    "role", "member", "loginKey", "lk_raced_account_" + run + "_" + a + "_0000000001"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.text("id"));
        }
        List<ApiClient.Response> answers = AtOnce.send(nodes, accounts * 10, (node, i) -> node.patch(
                "/api/v1/admin/accounts/" + ids.get(i % accounts), i / accounts == 5 ? Map.of("role", "admin")
                        : Map.of("disabled", true)));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        for (String id : ids) {
            JsonNode account = owner.get("/api/v1/admin/accounts/" + id).json();
            assertThat(account.path("role").asText()).as(account.toString()).isEqualTo("admin");
            assertThat(account.path("disabled").asBoolean()).as(account.toString()).isTrue();
        }
    }
}
