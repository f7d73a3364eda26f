package io.olyx.bootstrap;

import io.olyx.fixtures.provider.FakeProviderServer;
import java.util.HashMap;
import java.util.Map;

/** Registers models that point at the fake provider, each with its own recognisable API key. */
final class Models {
    private Models() {
    }

    static void register(ApiClient owner, long projectId, FakeProviderServer provider, String identifier,
                         String kind, double inputPer1k, double outputPer1k, boolean isPublic,
                         Map<String, Object> additionalConfig) {
        Map<String, Object> definition = new HashMap<>();
        definition.put("identifier", identifier);
        definition.put("provider", kind);
        definition.put("base_url", provider.baseUrl() + "/v1");
        definition.put("api_key", "sk-test-" + identifier);
        definition.put("input_cost_per_1k", inputPer1k);
        definition.put("output_cost_per_1k", outputPer1k);
        definition.put("is_public", isPublic);
        definition.put("additional_config", additionalConfig);
        ApiClient.Response created = owner.post("/api/v1/projects/" + projectId + "/models",
                Map.of("model_definition", definition));
        if (created.status() != 201) {
            throw new IllegalStateException("could not register " + identifier + ": " + created);
        }
    }
}
