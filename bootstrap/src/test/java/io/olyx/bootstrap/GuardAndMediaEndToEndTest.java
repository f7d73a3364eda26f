package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks, simulation, policy discovery, embeddings and images over HTTP against the real wiring. */
class GuardAndMediaEndToEndTest extends OlyxAgainstFakeProvider {
    RunningOlyx.Tenant tenant;

    @BeforeAll
    void start() {
        tenant = olyx.newTenant(owner, "Guard");
        Models.register(owner, tenant.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true,
                Map.of("fallback_identifier", "gpt-4o-mini"));
        Models.register(owner, tenant.projectId(), provider, "gpt-4o-mini", "openai", 0.00015, 0.0006, true,
                Map.of());
        Models.register(owner, tenant.projectId(), provider, "text-embedding-3-small", "openai", 0.00002, 0, true,
                Map.of());
        Models.register(owner, tenant.projectId(), provider, "dall-e-3", "openai", 0, 0, true,
                Map.of("price_per_image", 0.04));
        Models.register(owner, tenant.projectId(), provider, "claude", "anthropic", 0.003, 0.015, true, Map.of());
        owner.patch("/api/v1/projects/" + tenant.projectId(), Map.of("project", Map.of("settings", Map.of(
                "routing_tiers", Map.of("simple", "gpt-4o-mini", "complex", "gpt-4o")))));
    }

    @BeforeEach
    void resetProvider() {
        provider.reset();
    }

    String trace() {
        return tenant.client().post("/api/v1/traces", Map.of()).text("id");
    }

    @Test
    void aCleanCheckIsAllowedAndRecorded() {
        String trace = trace();
        ApiClient.Response check = tenant.client().post("/api/v1/checks",
                Map.of("trace_id", trace, "input", "What is the capital of France?"));
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().path("allowed").asBoolean()).isTrue();
        assertThat(check.json().path("meta").path("risk_score").asDouble()).isLessThan(0.2);
        JsonNode step = tenant.client().get("/api/v1/traces/" + trace).json().path("steps").get(0);
        assertThat(step.path("type").asText()).isEqualTo("check");
        assertThat(step.path("output").path("allowed").asBoolean()).isTrue();
    }

    @Test
    void personalDataFailsTheCheckWithItsOffsetsStillWith200() {
        String input = "My email is user@example.com, call me.";
        ApiClient.Response check = tenant.client().post("/api/v1/checks", Map.of("trace_id", trace(),
                "input", input));
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().path("allowed").asBoolean()).isFalse();
        assertThat(check.text("reason")).isEqualTo("pii_detected");
        JsonNode entity = check.json().path("meta").path("pii_entities").get(0);
        assertThat(entity.path("type").asText()).isEqualTo("email");
        assertThat(input.substring(entity.path("start").asInt(), entity.path("end").asInt()))
                .isEqualTo("user@example.com");
    }

    @Test
    void simulationResolvesTierModelCostAndFallbackPathWithoutCallingAModel() {
        ApiClient.Response sim = tenant.client().post("/api/v1/simulate", Map.of("input",
                "Analyse the attached contract for liability clauses. First list every indemnity clause, then "
                        + "compare each one against the limitation of liability section step by step, and explain "
                        + "which obligations survive termination and why.", "project_id", tenant.projectId()));
        assertThat(sim.text("status")).as(sim.toString()).isEqualTo("resolved");
        assertThat(sim.text("tier")).isIn("simple", "complex");
        assertThat(sim.json().path("estimated_cost").decimalValue()).isPositive();
        if (sim.text("tier").equals("complex")) {
            assertThat(sim.json().path("fallback_path")).extracting(JsonNode::asText)
                    .containsExactly("gpt-4o", "gpt-4o-mini");
        }
        ApiClient.Response pii = tenant.client().post("/api/v1/simulate",
                Map.of("input", "Summarise the contract for Jane Doe (jane.doe@example.com)."));
        assertThat(pii.text("status")).isEqualTo("blocked");
        assertThat(pii.text("reason")).isEqualTo("PII detected — would require Secure tier, no private model "
                + "configured");
        assertThat(provider.requestCount()).isZero();
        assertError(tenant.client().post("/api/v1/simulate", Map.of("input", "x", "project_id", 999999)), 404,
                "not_found");
    }

    @Test
    void aProjectThatMapsAMediumTierSendsTheMiddleBandThere() {
        RunningOlyx.Tenant banded = olyx.newTenant(owner, "Three tiers");
        for (String model : List.of("gpt-4o-mini", "gpt-4o", "claude")) {
            Models.register(owner, banded.projectId(), provider, model, "openai", 0.001, 0.002, true, Map.of());
        }
        String project = "/api/v1/projects/" + banded.projectId();
        owner.patch(project, Map.of("project", Map.of("settings", Map.of("routing_tiers",
                Map.of("simple", "gpt-4o-mini", "medium", "claude", "complex", "gpt-4o"),
                "routing", Map.of("complex_threshold", 1.0)))));
        String greeting = "Hi there, thanks for the help yesterday!";
        assertThat(banded.client().post("/api/v1/simulate", Map.of("input", greeting)).text("tier"))
                .as("below the default medium threshold").isEqualTo("simple");

        owner.patch(project, Map.of("project", Map.of("settings", Map.of("routing",
                Map.of("medium_threshold", 0.0)))));
        ApiClient.Response medium = banded.client().post("/api/v1/simulate", Map.of("input", greeting));
        assertThat(medium.text("tier")).as(medium.toString()).isEqualTo("medium");
        assertThat(medium.text("model")).isEqualTo("claude");

        assertError(owner.patch(project, Map.of("project", Map.of("settings", Map.of("routing",
                Map.of("medium_threshold", 0.6, "complex_threshold", 0.5))))), 422, "invalid_request");
        assertThat(provider.requestCount()).isZero();
    }

    @Test
    void anUnconfiguredTierIsReportedBySimulation() {
        RunningOlyx.Tenant bare = olyx.newTenant(owner, "Bare");
        ApiClient.Response sim = bare.client().post("/api/v1/simulate", Map.of("input", "hello"));
        assertThat(sim.text("status")).isEqualTo("unconfigured");
        assertThat(sim.text("reason")).isEqualTo("No model configured for the simple tier");
    }

    @Test
    void configReflectsTheProjectsRealSettings() {
        RunningOlyx.Tenant strict = olyx.newTenant(owner, "Policy");
        owner.patch("/api/v1/projects/" + strict.projectId(), Map.of("project", Map.of("settings", Map.of(
                "telemetry_mode", "anonymized", "local_ref_required", true,
                "guardrails", Map.of("max_input_length", 5000, "secret_action", "block")))));
        JsonNode config = strict.client().get("/api/v1/config").json();
        assertThat(config.path("guardrails").path("max_input_length").asInt()).isEqualTo(5000);
        assertThat(config.path("guardrails").path("secret_action").asText()).isEqualTo("block");
        assertThat(config.path("guardrails").path("injection_block").asBoolean()).isTrue();
        assertThat(config.path("distribution").path("project_id").asLong()).isEqualTo(strict.projectId());
        assertThat(config.path("distribution").path("telemetry_mode").asText()).isEqualTo("anonymized");
        assertThat(config.path("distribution").path("payload_storage_mode").asText()).isEqualTo("cloud_anonymized");
        assertThat(config.path("distribution").path("local_ref_required").asBoolean()).isTrue();
        assertThat(config.path("runtime_failover").path("fail_closed").isBoolean()).isTrue();
    }

    @Test
    void embeddingsAreComputedPricedAndRecorded() {
        ApiClient.Response embedded = tenant.client().post("/api/v1/embeddings", Map.of("trace_id", trace(),
                "input", List.of("The quarterly revenue exceeded expectations by 12%.", "Second text")));
        assertThat(embedded.status()).as(embedded.toString()).isEqualTo(200);
        assertThat(embedded.json().path("embeddings")).hasSize(2);
        assertThat(embedded.json().path("embeddings").get(0).size()).isPositive();
        assertThat(embedded.text("model")).isEqualTo("text-embedding-3-small");
        assertThat(embedded.json().path("usage_tokens").asInt()).isPositive();
        assertThat(provider.lastRequest().path()).endsWith("/embeddings");
    }

    @Test
    void embeddingsRefuseSecretsBeforeAnythingLeavesTheGateway() {
        ApiClient.Response blocked = tenant.client().post("/api/v1/embeddings", Map.of("trace_id", trace(),
                "input", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY and AKIAIOSFODNN7ABCDEFG"));
        assertError(blocked, 403, "blocked");
        assertThat(blocked.text("error")).isEqualTo("Input blocked by data-ingestion guardrail");
        assertThat(blocked.text("reason")).isEqualTo("secret_detected");
        assertThat(blocked.json().path("step_id").asLong()).isPositive();
        assertThat(provider.requestCount()).isZero();
    }

    @Test
    void embeddingsRefuseEmptyInputsNamingThem() {
        for (Object input : List.of("", List.of(), List.of("fine", ""), List.of("fine", 3))) {
            ApiClient.Response refused = tenant.client().post("/api/v1/embeddings", Map.of("input", input));
            assertError(refused, 422, "invalid_request");
            assertThat(refused.text("error")).as(input.toString()).startsWith("input");
        }
        assertThat(tenant.client().post("/api/v1/embeddings", Map.of("input", List.of("fine", ""))).text("error"))
                .isEqualTo("input[1] must not be empty");
        assertThat(provider.requestCount()).isZero();
    }

    @Test
    void everyModelEndpointRefusesAnInputOverMaxInputLengthWith422() {
        RunningOlyx.Tenant strict = olyx.newTenant(owner, "Short inputs");
        owner.patch("/api/v1/projects/" + strict.projectId(), Map.of("project", Map.of("settings",
                Map.of("guardrails", Map.of("max_input_length", 10)))));
        String longText = "x".repeat(11);
        String trace = strict.client().post("/api/v1/traces", Map.of()).text("id");
        List<ApiClient.Response> refused = List.of(
                strict.client().post("/api/v1/embeddings", Map.of("input", longText)),
                strict.client().post("/api/v1/embeddings", Map.of("input", List.of("short", longText))),
                strict.client().post("/api/v1/images/generations", Map.of("prompt", longText)),
                strict.client().post("/api/v1/executions", Map.of("trace_id", trace, "input", longText)),
                strict.client().post("/api/v1/chat/completions", Map.of("messages",
                        List.of(Map.of("role", "user", "content", longText)))));
        for (ApiClient.Response response : refused) {
            assertError(response, 422, "input_too_long");
            assertThat(response.text("error")).isEqualTo("Input exceeds the project's max_input_length of 10 "
                    + "characters");
        }
        assertThat(strict.client().get("/api/v1/traces/" + trace).json().path("steps")).isEmpty();
        assertThat(provider.requestCount()).isZero();
    }

    @Test
    void imagesAreGeneratedAndProtectedCharactersRefused() {
        ApiClient.Response image = tenant.client().post("/api/v1/images/generations", Map.of("trace_id", trace(),
                "prompt", "A futuristic cityscape at dusk, photorealistic", "model", "dall-e-3"));
        assertThat(image.status()).as(image.toString()).isEqualTo(200);
        assertThat(image.json().path("images")).hasSize(1);
        assertThat(image.text("model")).isEqualTo("dall-e-3");

        ApiClient.Response refused = tenant.client().post("/api/v1/images/generations", Map.of("trace_id", trace(),
                "prompt", "Mickey Mouse riding a bicycle"));
        assertError(refused, 403, "policy_violation");
        assertThat(refused.text("error")).isEqualTo("Prompt blocked: copyright violation detected");
        assertThat(refused.json().path("violations").get(0).path("term").asText()).isEqualTo("mickey");
    }

    @Test
    void providersThatCannotMakeImagesAnswer422() {
        ApiClient.Response refused = tenant.client().post("/api/v1/images/generations", Map.of("trace_id", trace(),
                "prompt", "A lighthouse", "model", "claude"));
        assertError(refused, 422, "unsupported_by_provider");
    }
}
