package io.olyx.bootstrap;

import static io.olyx.bootstrap.NumbersEndToEndTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's fields and the settings Olyx reads are checked when set, on POST and PATCH alike: a wrong shape, type or
 * key is 422 naming the field or setting, and nothing of the refused request is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectSettingsEndToEndTest {
    @TempDir
    static Path dataDir;

    RunningOlyx olyx;
    ApiClient owner;
    long projectId;

    @BeforeAll
    void start() {
        olyx = RunningOlyx.start(dataDir);
        owner = olyx.owner();
        projectId = olyx.newTenant(owner, "Settings").projectId();
    }

    @AfterAll
    void stop() {
        olyx.close();
    }

    String projectPath() {
        return "/api/v1/projects/" + projectId;
    }

    void assertRefusedEverywhere(String settings, String field) {
        JsonNode before = owner.get(projectPath()).json();
        assertRefused(owner.patch(projectPath(), "{\"project\":{\"settings\":" + settings + "}}"), field);
        assertRefused(owner.post("/api/v1/projects", "{\"project\":{\"name\":\"Refused\",\"settings\":" + settings
                + "}}"), field);
        assertThat(owner.get(projectPath()).json()).isEqualTo(before);
        assertThat(owner.get("/api/v1/projects").json()).noneMatch(p -> p.path("name").asText().equals("Refused"));
    }

    @Test
    void gradingAndRoutingIntentsMustHaveTheirDocumentedShape() {
        assertRefusedEverywhere("{\"grading\":{\"step_target_ms\":\"x\"}}", "grading.step_target_ms");
        assertRefusedEverywhere("{\"grading\":{\"stall_alert_threshold\":true}}", "grading.stall_alert_threshold");
        assertRefusedEverywhere("{\"grading\":\"x\"}", "grading");
        assertRefusedEverywhere("{\"grading\":{\"bogus\":1}}", "grading.bogus");
        assertRefusedEverywhere("{\"guardrails\":{\"pii_treshold\":0.5}}", "guardrails.pii_treshold");
        assertRefusedEverywhere("{\"routing_intents\":\"x\"}", "routing_intents");
        assertRefusedEverywhere("{\"routing_intents\":{\"summarization\":5}}", "routing_intents.summarization");
        assertRefusedEverywhere("{\"routing_intents\":{\"summarization\":\"\"}}", "routing_intents.summarization");

        ApiClient.Response accepted = owner.patch(projectPath(), Map.of("project", Map.of("settings", Map.of(
                "grading", Map.of("step_target_ms", 800, "stall_alert_threshold", 0.8),
                "routing_intents", Map.of("summarization", "simple"), "my_own", Map.of("anything", "x")))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        JsonNode settings = owner.get(projectPath()).json().path("settings");
        assertThat(settings.path("grading").path("step_target_ms").asInt()).isEqualTo(800);
        assertThat(settings.path("routing_intents").path("summarization").asText()).isEqualTo("simple");
    }

    /** One request is never a repeat: a threshold of 1 would pause a key on its first call. 0 turns detection off. */
    @Test
    void aLoopThresholdBelowTwoOtherThanOffIsRefused() {
        assertRefusedEverywhere("{\"loop_detection\":{\"threshold\":1}}", "loop_detection.threshold");
        assertThat(owner.patch(projectPath(), "{\"project\":{\"settings\":{\"loop_detection\":{\"threshold\":0}}}}")
                .status()).isEqualTo(200);
        assertThat(owner.patch(projectPath(), "{\"project\":{\"settings\":{\"loop_detection\":{\"threshold\":2}}}}")
                .status()).isEqualTo(200);
    }

    /** A project always has a name and a status: PATCH refuses null for them as POST refuses a missing name. */
    @Test
    void aPatchRefusesANullNameOrStatusAndANullDescriptionClearsIt() {
        assertThat(owner.patch(projectPath(), Map.of("project", Map.of("description", "Kept until cleared")))
                .status()).isEqualTo(200);
        JsonNode before = owner.get(projectPath()).json();
        assertRefused(owner.patch(projectPath(), "{\"project\":{\"name\":null}}"), "project.name");
        assertRefused(owner.patch(projectPath(), "{\"name\":null}"), "name");
        assertRefused(owner.patch(projectPath(), "{\"project\":{\"status\":null}}"), "project.status");
        assertRefused(owner.patch(projectPath(), "{\"project\":{\"name\":\"\"}}"), "name");
        assertRefused(owner.post("/api/v1/projects", "{\"project\":{\"name\":null}}"), "project.name");
        assertThat(owner.get(projectPath()).json()).isEqualTo(before);

        ApiClient.Response cleared = owner.patch(projectPath(), "{\"project\":{\"description\":null}}");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().path("description").asText()).isEmpty();
        assertThat(cleared.json().path("name").asText()).isEqualTo(before.path("name").asText());
    }
}
