package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers of a bad-input sweep, sent as raw JSON text: out-of-range exponents anywhere, trailing garbage,
 * amounts beyond their columns and more decimal places than are stored. Each is a clear 4xx, and nothing of the
 * refused request is stored: the reads after it still answer 200 with what was there before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumbersEndToEndTest {
    @TempDir
    static Path dataDir;

    RunningOlyx olyx;
    ApiClient owner;
    RunningOlyx.Tenant tenant;

    @BeforeAll
    void start() {
        olyx = RunningOlyx.start(dataDir);
        owner = olyx.owner();
        tenant = olyx.newTenant(owner, "Numbers");
    }

    @AfterAll
    void stop() {
        olyx.close();
    }

    JsonNode traces() {
        ApiClient.Response listed = tenant.client().get("/api/v1/traces?per_page=100");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json();
    }

    String projectPath() {
        return "/api/v1/projects/" + tenant.projectId();
    }

    @Test
    void hugeExponentsInFreeFormJsonAreRefusedAndNothingIsStored() {
        String trace = tenant.client().post("/api/v1/traces", "{}").text("id");
        JsonNode tracesBefore = traces();
        JsonNode projectBefore = owner.get(projectPath()).json();

        assertError(tenant.client().post("/api/v1/traces", "{\"metadata\":{\"a\":1e999999}}"), 422, "invalid_request");
        assertError(tenant.client().post("/api/v1/replay", "{\"trace_id\":\"" + trace + "\",\"max_cost\":1e999999999}"),
                422, "invalid_request");
        assertError(tenant.client().post("/api/v1/logs", "{\"trace_id\":\"" + trace
                + "\",\"output\":{\"x\":1e-999999999}}"), 422, "invalid_request");
        assertError(owner.patch(projectPath(), "{\"project\":{\"settings\":{\"x\":1e999999}}}"), 422,
                "invalid_request");
        assertError(owner.post(projectPath() + "/models", "{\"identifier\":\"m\",\"provider\":\"openai\","
                + "\"additional_config\":{\"x\":1e999999}}"), 422, "invalid_request");
        assertError(tenant.client().post("/api/v1/ai-gateways", "{\"name\":\"g\",\"parameters\":{\"x\":1e999999}}"),
                422, "invalid_request");

        assertThat(traces()).isEqualTo(tracesBefore);
        assertThat(tenant.client().get("/api/v1/traces/" + trace).json().path("steps")).isEmpty();
        assertThat(owner.get(projectPath()).json()).isEqualTo(projectBefore);
        assertThat(owner.get("/api/v1/projects").status()).isEqualTo(200);
        assertThat(owner.get(projectPath() + "/models").json()).isEmpty();
        assertThat(tenant.client().get("/api/v1/ai-gateways").json()).isEmpty();
    }

    @Test
    void theErrorSaysWhereTheNumberIsAndWhatTheBoundIs() {
        ApiClient.Response refused = tenant.client().post("/api/v1/traces", "{\"metadata\":{\"a\":[0,1e999999]}}");

        assertThat(refused.text("error")).contains("metadata.a[1]").contains("between -1000 and 1000");
    }

    @Test
    void trailingGarbageAfterTheDocumentIsMalformed() {
        JsonNode before = traces();

        assertError(tenant.client().post("/api/v1/traces", "{} garbage"), 400, "invalid_json");
        assertError(tenant.client().post("/api/v1/traces", "{}{}"), 400, "invalid_json");

        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void aJsonlLineWithAHugeNumberRejectsTheWholeUpload() {
        String collection = tenant.client().post("/api/v1/collections", Map.of("collectionName", "numbers"))
                .text("collectionId");
        JsonlUploads uploads = new JsonlUploads(olyx.port(), tenant.rawKey());

        ApiClient.Response refused = uploads.multipart(collection, "{\"docId\":\"a\",\"text\":\"fine\"}\n"
                + "{\"docId\":\"b\",\"text\":\"big\",\"__meta\":{\"a\":1e999999}}\n", "sync");

        assertError(refused, 422, "invalid_request");
        assertThat(refused.json().path("line").asInt()).isEqualTo(2);
        ApiClient.Response documents = tenant.client().get("/api/v1/collections/" + collection + "/documents");
        assertThat(documents.status()).isEqualTo(200);
        assertThat(documents.body()).doesNotContain("\"a\"").doesNotContain("fine");
    }

    @Test
    void aSkillLineWithAHugeNumberIsSkipped() {
        ApiClient.Response imported = tenant.client().post("/api/v1/skills/management/import",
                "{\"slug\":\"huge\",\"instructions\":\"x\",\"options\":{\"n\":1e999999}}\n");

        assertThat(imported.json().path("enqueued").asInt()).as(imported.toString()).isZero();
        assertThat(imported.json().path("skipped").asInt()).isEqualTo(1);
        assertThat(tenant.client().get("/api/v1/skills").status()).isEqualTo(200);
    }

    @Test
    void amountsBeyondWhatIsStoredAreRefusedNamingTheField() {
        JsonNode tracesBefore = traces();
        assertRefused(tenant.client().post("/api/v1/traces", "{\"revenue\":1e12}"), "revenue");
        assertThat(traces()).isEqualTo(tracesBefore);

        String models = projectPath() + "/models";
        assertRefused(owner.post(models, "{\"identifier\":\"pricey\",\"provider\":\"openai\","
                + "\"input_cost_per_1k\":1e15}"), "input_cost_per_1k");
        long model = owner.post(models, Map.of("identifier", "priced", "provider", "openai", "input_cost_per_1k",
                0.0025)).json().path("id").asLong();
        assertRefused(owner.patch(models + "/" + model, "{\"output_cost_per_1k\":1e15}"), "output_cost_per_1k");
        assertRefused(owner.patch(models + "/" + model, "{\"additional_config\":{\"price_per_image\":1e15}}"),
                "additional_config.price_per_image");
        JsonNode stored = owner.get(models + "/" + model).json();
        assertThat(stored.path("input_cost_per_1k").decimalValue()).isEqualByComparingTo("0.0025");
        assertThat(stored.path("output_cost_per_1k").decimalValue()).isEqualByComparingTo("0");

        String key = "/api/v1/keys/" + tenant.keyId();
        assertThat(owner.patch(key, "{\"hourly_limit\":5}").status()).isEqualTo(200);
        assertRefused(owner.patch(key, "{\"hourly_limit\":1e15}"), "hourly_limit");
        assertError(owner.patch(key, "{\"hourly_limit\":1e-999999999}"), 422, "invalid_request");
        assertRefused(owner.post("/api/v1/keys", "{\"name\":\"k\",\"project_id\":" + tenant.projectId()
                + ",\"hourly_limit\":1e20}"), "hourly_limit");
        JsonNode keys = owner.get("/api/v1/keys?project_id=" + tenant.projectId()).json();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("hourly_limit").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void revenueWithMoreDecimalPlacesThanStoredIsRefusedNotRounded() {
        JsonNode before = traces();
        assertRefused(tenant.client().post("/api/v1/traces", "{\"revenue\":0.123456789123456789}"), "revenue");
        assertRefused(tenant.client().post("/api/v1/traces", "{\"revenue\":1e-30}"), "revenue");
        assertThat(traces()).isEqualTo(before);

        ApiClient.Response created = tenant.client().post("/api/v1/traces", "{\"revenue\":0.12345678}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode stored = tenant.client().get("/api/v1/traces/" + created.text("id")).json();
        assertThat(stored.path("revenue").decimalValue()).isEqualByComparingTo("0.12345678");
    }

    @Test
    void countsInProjectSettingsMustBeWholeNumbersNamingTheSetting() {
        JsonNode before = owner.get(projectPath()).json();
        for (String setting : List.of("grading.chain_depth_threshold", "rate_limit.requests_per_minute",
                "loop_detection.threshold", "loop_detection.window_seconds", "budget.reserve_output_tokens",
                "guardrails.max_input_length")) {
            String[] sectionAndKey = setting.split("\\.");
            String settings = "{\"" + sectionAndKey[0] + "\":{\"" + sectionAndKey[1] + "\":1.5}}";
            assertRefused(owner.patch(projectPath(), "{\"project\":{\"settings\":" + settings + "}}"), setting);
            assertRefused(owner.post("/api/v1/projects", "{\"project\":{\"name\":\"Fractions\",\"settings\":"
                    + settings + "}}"), setting);
        }
        assertThat(owner.get(projectPath()).json()).isEqualTo(before);
        assertThat(owner.get("/api/v1/projects").json()).noneMatch(p -> p.path("name").asText().equals("Fractions"));

        ApiClient.Response wholeWithAPoint = owner.patch(projectPath(),
                "{\"project\":{\"settings\":{\"grading\":{\"chain_depth_threshold\":5.0}}}}");
        assertThat(wholeWithAPoint.status()).as(wholeWithAPoint.toString()).isEqualTo(200);
    }

    static void assertRefused(ApiClient.Response response, String field) {
        assertError(response, 422, "invalid_request");
        assertThat(response.text("error")).as(response.toString()).startsWith(field + " ");
    }
}
