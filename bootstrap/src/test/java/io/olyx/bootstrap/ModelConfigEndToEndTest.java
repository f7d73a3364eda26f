package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's additional_config keys that Olyx reads are checked on POST and PATCH like the model's other fields (422
 * naming the key, nothing stored), and a value stored before a check existed never fails a call.
 */
class ModelConfigEndToEndTest {
    @TempDir
    Path dataDir;

    static void assertRefused(ApiClient.Response response, String field) {
        assertError(response, 422, "invalid_request");
        assertThat(response.text("error")).as(response.toString()).startsWith(field + " ");
    }

    static Map<String, Object> imageModel(Object pricePerImage) {
        return Map.of("model_definition", Map.of("identifier", "img-neg", "provider", "sandbox",
                "additional_config", Map.of("price_per_image", pricePerImage)));
    }

    @Test
    void aNegativeOrNonNumericPricePerImageIsRefusedOnCreateAndPatch() {
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient owner = olyx.owner();
            RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Images");
            String models = "/api/v1/projects/" + tenant.projectId() + "/models";

            assertRefused(owner.post(models, imageModel(-0.04)), "additional_config.price_per_image");
            assertRefused(owner.post(models, imageModel("0.04")), "additional_config.price_per_image");
            assertRefused(owner.post(models, imageModel(1e15)), "additional_config.price_per_image");
            assertThat(owner.get(models).json()).isEmpty();

            ApiClient.Response created = owner.post(models, imageModel(0.04));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String model = models + "/" + created.json().path("id").asLong();
            assertRefused(owner.patch(model, Map.of("additional_config", Map.of("price_per_image", -1))),
                    "additional_config.price_per_image");
            assertThat(owner.get(model).json().path("additional_config").path("price_per_image").decimalValue())
                    .isEqualByComparingTo("0.04");
        }
    }

    /** A row written before the check: the image is unpriced (cost 0), never a 500 or a negative spend hold. */
    @Test
    void aNegativePricePerImageStoredBeforeTheCheckLeavesTheImageUnpriced() throws Exception {
        RunningOlyx.Tenant tenant;
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient owner = olyx.owner();
            tenant = olyx.newTenant(owner, "Old rows");
            assertThat(owner.post("/api/v1/projects/" + tenant.projectId() + "/models", imageModel(0.04)).status())
                    .isEqualTo(201);
            assertThat(owner.patch("/api/v1/keys/" + tenant.keyId(), Map.of("hourly_limit", 0.5)).status())
                    .isEqualTo(200);
        }
        DatabaseSettings db = DatabaseSettings.embedded(dataDir, 1);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE models SET additional_config = ? WHERE identifier = 'img-neg'")) {
            update.setString(1, "{\"price_per_image\":-0.04}");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient client = olyx.api.as(tenant.rawKey());
            ApiClient.Response image = client.post("/api/v1/images/generations",
                    Map.of("prompt", "a red square", "model", "img-neg", "n", 10));
            assertThat(image.status()).as(image.toString()).isEqualTo(200);
            JsonNode traces = client.get("/api/v1/traces").json().path("data");
            JsonNode step = client.get("/api/v1/traces/" + traces.get(0).path("id").asText()).json().path("steps")
                    .get(0);
            assertThat(step.path("cost").decimalValue()).isEqualByComparingTo("0");
        }
    }

    /** Each documented key with a wrong type or out of its range: 422 naming it on POST and on PATCH. */
    @Test
    void documentedConfigKeysAreCheckedForTypeAndRangeAndUnknownKeysAreKept() {
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient owner = olyx.owner();
            RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Config");
            String models = "/api/v1/projects/" + tenant.projectId() + "/models";
            Map<String, Object> bad = new java.util.LinkedHashMap<>();
            bad.put("connect_timeout_ms", -5);
            bad.put("request_timeout_ms", 0);
            bad.put("stream_idle_timeout_ms", 1.5);
            bad.put("max_answer_bytes", -1);
            bad.put("max_tokens", "100");
            bad.put("dimensions", 1e10);
            bad.put("region", 5);
            bad.put("api_version", true);
            bad.put("model", Map.of());
            ApiClient.Response created = owner.post(models, Map.of("model_definition", Map.of("identifier", "m",
                    "provider", "sandbox", "additional_config", Map.of("my_own_key", "kept", "request_timeout_ms",
                            2.0e3, "max_tokens", 64.0))));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String model = models + "/" + created.json().path("id").asLong();
            bad.forEach((key, value) -> {
                Map<String, Object> config = Map.of(key, value);
                assertRefused(owner.post(models, Map.of("model_definition", Map.of("identifier", "bad",
                        "provider", "sandbox", "additional_config", config))), "additional_config." + key);
                assertRefused(owner.patch(model, Map.of("additional_config", config)), "additional_config." + key);
            });
            assertRefused(owner.post(models, Map.of("model_definition", Map.of("identifier", "bad",
                    "provider", "sandbox", "additional_config", Map.of("connect_timeout_ms", "abc")))),
                    "additional_config.connect_timeout_ms");
            assertRefused(owner.patch(model, Map.of("additional_config", Map.of("max_answer_bytes", 2147483640L))),
                    "additional_config.max_answer_bytes");
            assertThat(owner.get(models).json()).hasSize(1);
            JsonNode config = owner.get(model).json().path("additional_config");
            assertThat(config.path("my_own_key").asText()).isEqualTo("kept");
            assertThat(config.path("request_timeout_ms").asInt()).isEqualTo(2000);
            assertThat(config.has("connect_timeout_ms")).isFalse();
        }
    }
}
