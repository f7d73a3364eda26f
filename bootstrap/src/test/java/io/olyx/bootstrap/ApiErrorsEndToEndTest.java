package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every way a request can be wrong gets a clear 4xx in the seed's error shape, never a 500 or a stack trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsEndToEndTest {
    @TempDir
    static Path dataDir;

    RunningOlyx olyx;
    ApiClient owner;
    RunningOlyx.Tenant tenant;

    @BeforeAll
    void start() {
        olyx = RunningOlyx.start(dataDir, Map.of("OLYX_MAX_BODY_BYTES", "65536"));
        owner = olyx.owner();
        tenant = olyx.newTenant(owner, "Errors");
    }

    @AfterAll
    void stop() {
        olyx.close();
    }

    static void assertError(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
        assertThat(response.text("error")).isNotBlank();
        assertThat(response.text("request_id")).startsWith("req_")
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void headAnswersAsGetWouldWithoutTheBody() {
        ApiClient client = olyx.newTenant(owner, "Head").client();
        client.post("/api/v1/traces", Map.of());
        for (String path : List.of("/api/v1/traces", "/up")) {
            ApiClient.Response get = client.get(path);
            ApiClient.Response head = client.send("HEAD", path, null);

            assertThat(head.status()).isEqualTo(get.status()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.body()).isEmpty();
        }
        ApiClient.Response listed = client.send("HEAD", "/api/v1/traces", null);
        assertThat(listed.headers().firstValue("X-Total-Count")).contains("1");
    }

    @Test
    void headOnTheExecutionStreamMakesNoModelCall() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Head stream");
        RagEndToEndTest.useSandboxModel(owner, tenant.projectId());
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        String path = "/api/v1/executions/stream?trace_id=" + trace + "&input=hello";

        ApiClient.Response head = tenant.client().send("HEAD", path, null);

        assertThat(head.status()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).contains("GET");
        assertThat(tenant.client().get("/api/v1/traces/" + trace).json().path("steps")).isEmpty();
        assertThat(tenant.client().get(path).body()).as("GET still streams").endsWith("data: [DONE]\n\n");
    }

    @Test
    void headChecksCredentialsAsGetDoes() {
        ApiClient.Response head = olyx.api.anonymous().send("HEAD", "/api/v1/traces", null);

        assertThat(head.status()).isEqualTo(401);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertError(tenant.client().post("/api/v1/traces", "{\"metadata\": "), 400, "invalid_json");
    }

    @Test
    void wrongTypesAreUnprocessable() {
        assertError(tenant.client().post("/api/v1/traces", Map.of("revenue", "lots")), 422, "invalid_request");
        assertError(tenant.client().post("/api/v1/traces", Map.of("metadata", List.of("a"))), 422, "invalid_request");
        assertError(tenant.client().post("/api/v1/traces", Map.of("metadata", "text")), 422, "invalid_request");
        assertError(tenant.client().post("/api/v1/traces", "[1,2]"), 422, "invalid_request");
        assertError(owner.post("/api/v1/keys", Map.of("name", "x", "project_id", "12")), 422, "invalid_request");
    }

    @Test
    void numbersTooLargeForTheirFieldAreToldTheRangeNotThatTheyAreNoNumbers() {
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        ApiClient.Response tokens = tenant.client().post("/api/v1/executions", "{\"trace_id\":\"" + trace
                + "\",\"input\":\"hi\",\"max_tokens\":2147483648}");
        assertError(tokens, 422, "invalid_request");
        assertThat(tokens.text("error")).isEqualTo("max_tokens must be at most 2147483647");
        ApiClient.Response page = tenant.client().get("/api/v1/traces?page=99999999999");
        assertError(page, 422, "invalid_request");
        assertThat(page.text("error")).isEqualTo("page must be between 1 and 2147483647");
        assertThat(tenant.client().get("/api/v1/traces?per_page=101").text("error"))
                .isEqualTo("per_page must be between 1 and 100");
        assertThat(tenant.client().get("/api/v1/traces?page=two").text("error")).isEqualTo("page must be a whole number");
    }

    /** A query takes a whole number in any spelling a JSON body takes (2.0, 1e1), and refuses a fraction alike. */
    @Test
    void wholeNumbersInTheQueryAreSpelledAsFreelyAsInABody() {
        ApiClient.Response decimalPage = tenant.client().get("/api/v1/traces?page=1.0&per_page=2.0");
        assertThat(decimalPage.status()).as(decimalPage.toString()).isEqualTo(200);
        assertThat(decimalPage.json().path("page").asInt()).isEqualTo(1);
        assertThat(decimalPage.json().path("per_page").asInt()).isEqualTo(2);
        assertThat(tenant.client().get("/api/v1/traces?per_page=1e1").json().path("per_page").asInt()).isEqualTo(10);
        assertThat(tenant.client().get("/api/v1/stats?window=24.0").status()).isEqualTo(200);

        ApiClient.Response fraction = tenant.client().get("/api/v1/traces?page=1.5");
        assertError(fraction, 422, "invalid_request");
        assertThat(fraction.text("error")).isEqualTo("page must be a whole number");
        assertThat(tenant.client().get("/api/v1/traces?page=1e999999999").text("error"))
                .isEqualTo("page must be between 1 and 2147483647");
        assertThat(tenant.client().get("/api/v1/traces?page=0x10").text("error")).isEqualTo("page must be a whole number");
        assertThat(tenant.client().get("/api/v1/traces?page=NaN").text("error")).isEqualTo("page must be a whole number");
    }

    @Test
    void badMetadataKeysAndNegativeRevenueAreRejected() {
        assertError(tenant.client().post("/api/v1/traces", Map.of("metadata", Map.of("bad key!", 1))), 422,
                "invalid_request");
        assertError(tenant.client().post("/api/v1/traces", Map.of("revenue", -1)), 422, "invalid_request");
    }

    @Test
    void unknownFieldsAreTolerated() {
        ApiClient.Response created = tenant.client().post("/api/v1/traces",
                Map.of("metadata", Map.of("a", 1), "some_future_field", true));
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void oversizedBodiesAreRejected() {
        String big = "x".repeat(70_000);
        assertError(tenant.client().post("/api/v1/traces", Map.of("metadata", Map.of("k", big))), 413,
                "payload_too_large");
    }

    @Test
    void unknownRoutesAndWrongMethodsAreClear() {
        assertError(tenant.client().get("/api/v1/nothing-here"), 404, "not_found");
        assertError(tenant.client().send("PUT", "/api/v1/traces", "{}"), 405, "method_not_allowed");
    }

    @Test
    void missingOrBadCredentialsAreUnauthorized() {
        assertError(olyx.api.get("/api/v1/traces"), 401, "unauthorized");
        assertError(olyx.api.as("ak_0123456789abcdef." + "0".repeat(64)).get("/api/v1/traces"), 401,
                "unauthorized");
        assertError(olyx.api.as("garbage").get("/api/v1/traces"), 401, "unauthorized");
        assertError(olyx.api.get("/api/v1/projects"), 401, "unauthorized");
        assertError(tenant.client().get("/api/v1/projects"), 401, "unauthorized");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        assertError(tenant.client().get("/api/v1/traces/00000000-0000-7000-8000-000000000000"), 404, "not_found");
        assertError(tenant.client().get("/api/v1/traces/not-a-uuid"), 404, "not_found");
        assertError(owner.get("/api/v1/projects/999999"), 404, "not_found");
        assertError(owner.get("/api/v1/projects/abc/models"), 404, "not_found");
        assertError(tenant.client().post("/api/v1/logs", Map.of("trace_id", "00000000-0000-7000-8000-000000000000",
                "output", Map.of())), 404, "not_found");
    }

    @Test
    void theTraceStateMachineRefusesImpossibleTransitions() {
        String id = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        assertThat(tenant.client().patch("/api/v1/traces/" + id + "/cancel", null).status()).isEqualTo(200);
        assertError(tenant.client().patch("/api/v1/traces/" + id + "/complete", null), 409, "invalid_transition");
        assertError(tenant.client().post("/api/v1/logs", Map.of("trace_id", id, "output", Map.of("a", 1))), 409,
                "trace_closed");
        assertError(tenant.client().patch("/api/v1/traces/" + id + "/complete", Map.of("status", "pending")), 422,
                "invalid_request");
    }

    @Test
    void completingTwiceIsSafeAndGivesTheSameSummary() {
        String id = tenant.client().post("/api/v1/traces", Map.of("revenue", 1)).text("id");
        ApiClient.Response first = tenant.client().patch("/api/v1/traces/" + id + "/complete", null);
        ApiClient.Response second = tenant.client().patch("/api/v1/traces/" + id + "/complete", null);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("summary")).isEqualTo(first.json().path("summary"));
        assertError(tenant.client().patch("/api/v1/traces/" + id + "/fail", null), 409, "invalid_transition");
    }

    @Test
    void logsNeedAnObjectOutputAndAParentOfTheSameTrace() {
        String id = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        assertError(tenant.client().post("/api/v1/logs", Map.of("trace_id", id, "output", "text")), 422,
                "invalid_request");
        assertError(tenant.client().post("/api/v1/logs", Map.of("trace_id", id, "output", Map.of(),
                "parent_step_id", 123456789)), 422, "invalid_parent_step");
    }

    @Test
    void localRefIsEnforcedWhenTheProjectRequiresIt() {
        RunningOlyx.Tenant strict = olyx.newTenant(owner, "Strict");
        owner.patch("/api/v1/projects/" + strict.projectId(),
                Map.of("project", Map.of("settings", Map.of("local_ref_required", true))));
        assertError(strict.client().post("/api/v1/traces", Map.of()), 422, "local_ref_required");
        ApiClient.Response ok = strict.client().post("/api/v1/traces", Map.of("local_ref", "s3://bucket/run-1"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().path("distribution").path("local_ref").asText()).isEqualTo("s3://bucket/run-1");
    }

    /** Every trace stores its channel in 32 characters: a longer one is refused where it is given, never a 500. */
    @Test
    void distributionChannelsMustFitWhereTracesKeepThem() {
        RunningOlyx.Tenant channelled = olyx.newTenant(owner, "Channelled");
        String project = "/api/v1/projects/" + channelled.projectId();
        ApiClient.Response refused = owner.patch(project, Map.of("project", Map.of("settings", Map.of(
                "distribution", Map.of("distribution_channel", "c".repeat(33))))));
        assertError(refused, 422, "invalid_request");
        assertThat(refused.text("error")).startsWith("settings.distribution.distribution_channel");
        assertError(channelled.client().post("/api/v1/traces", Map.of("distribution_channel", "c".repeat(33))), 422,
                "invalid_request");
        assertThat(channelled.client().post("/api/v1/traces", Map.of()).json().path("distribution")
                .path("distribution_channel").asText()).isEqualTo("api");

        assertThat(owner.patch(project, Map.of("project", Map.of("settings", Map.of("distribution",
                Map.of("distribution_channel", "c".repeat(32)))))).status()).isEqualTo(200);
        ApiClient.Response created = channelled.client().post("/api/v1/traces", Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("distribution").path("distribution_channel").asText())
                .isEqualTo("c".repeat(32));
        ApiClient.Response cli = channelled.client().post("/api/v1/traces", Map.of("distribution_channel", "cli"));
        assertThat(cli.json().path("distribution").path("distribution_channel").asText()).isEqualTo("cli");
    }

    @Test
    void invalidSettingsAreRejectedAndNothingIsStored() {
        assertError(owner.patch("/api/v1/projects/" + tenant.projectId(),
                Map.of("project", Map.of("settings", Map.of("telemetry_mode", "loud")))), 422, "invalid_request");
        assertError(owner.patch("/api/v1/projects/" + tenant.projectId(),
                Map.of("project", Map.of("settings", Map.of("guardrails", Map.of("pii_threshold", 3))))), 422,
                "invalid_request");
        assertThat(owner.get("/api/v1/projects/" + tenant.projectId()).json().path("settings").has("telemetry_mode"))
                .isFalse();
    }

    @Test
    void modelRegistryInputIsValidated() {
        String path = "/api/v1/projects/" + tenant.projectId() + "/models";
        assertError(owner.post(path, Map.of("model_definition", Map.of("identifier", "x", "provider", "nope"))), 422,
                "invalid_request");
        assertError(owner.post(path, Map.of("model_definition", Map.of("provider", "openai"))), 422,
                "invalid_request");
        assertError(owner.post(path, Map.of("model_definition", Map.of("identifier", "x", "provider", "openai",
                "input_cost_per_1k", -1))), 422, "invalid_request");
        for (Object bucket : List.of("b".repeat(65), "", 7)) {
            ApiClient.Response refused = owner.post(path, Map.of("model_definition", Map.of("identifier", "x",
                    "provider", "openai", "additional_config", Map.of("infrastructure", bucket))));
            assertError(refused, 422, "invalid_request");
            assertThat(refused.text("error")).startsWith("additional_config.infrastructure");
        }
        for (String key : List.of("k".repeat(8193), "sk-caf\u00e9", "sk-line\nbreak")) {
            ApiClient.Response refused = owner.post(path, Map.of("model_definition", Map.of("identifier", "x",
                    "provider", "openai", "api_key", key)));
            assertError(refused, 422, "invalid_request");
            assertThat(refused.text("error")).startsWith("api_key");
        }
        ApiClient.Response longToken = owner.post(path, Map.of("model_definition", Map.of("identifier", "token",
                "provider", "openai", "api_key", "k".repeat(8192))));
        assertThat(longToken.status()).as(longToken.toString()).isEqualTo(201);
        assertThat(longToken.json().path("has_api_key").asBoolean()).isTrue();
        ApiClient.Response widest = owner.post(path, Map.of("model_definition", Map.of("identifier", "x",
                "provider", "openai", "additional_config", Map.of("infrastructure", "b".repeat(64)))));
        assertThat(widest.status()).as(widest.toString()).isEqualTo(201);
        assertError(owner.patch(path + "/" + widest.json().path("id").asLong(), Map.of("model_definition",
                Map.of("additional_config", Map.of("infrastructure", "b".repeat(65))))), 422, "invalid_request");
        assertThat(owner.post(path, Map.of("model_definition", Map.of("identifier", "dupe", "provider", "openai")))
                .status()).isEqualTo(201);
        assertError(owner.post(path, Map.of("model_definition", Map.of("identifier", "dupe", "provider", "openai"))),
                409, "duplicate_identifier");
    }

    @Test
    void aModelPriceIsNeverNull() {
        String path = "/api/v1/projects/" + tenant.projectId() + "/models";
        ApiClient.Response created = owner.post(path, Map.of("model_definition", Map.of("identifier", "priced",
                "provider", "openai", "input_cost_per_1k", 0.5, "output_cost_per_1k", 1.5)));
        String model = path + "/" + created.json().path("id").asLong();

        for (String price : List.of("input_cost_per_1k", "output_cost_per_1k")) {
            ApiClient.Response patched = owner.patch(model, "{\"model_definition\":{\"" + price + "\":null}}");
            ApiClient.Response posted = owner.post(path, "{\"model_definition\":{\"identifier\":\"null-" + price
                    + "\",\"provider\":\"openai\",\"" + price + "\":null}}");
            assertError(patched, 422, "invalid_request");
            assertThat(patched.text("error")).contains(price, "null");
            assertError(posted, 422, "invalid_request");
            assertThat(posted.text("error")).contains(price, "null");
        }
        JsonNode kept = owner.get(model).json();
        assertThat(kept.path("input_cost_per_1k").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(kept.path("output_cost_per_1k").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void concurrentRegistrationsOfOneIdentifierGiveOneModelAndConflictsNeverAServerError() throws Exception {
        String path = "/api/v1/projects/" + tenant.projectId() + "/models";
        for (int round = 0; round < 3; round++) {
            Map<String, Object> body = Map.of("model_definition", Map.of("identifier", "raced-" + round,
                    "provider", "openai"));
            List<Integer> statuses = inParallel(12, () -> owner.post(path, body).status());
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        }
    }

    /** Completing a completed trace is allowed, so completes racing on a pending one all succeed too. */
    @Test
    void concurrentCompletesOfOneTraceAllSucceed() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = tenant.client().post("/api/v1/traces", Map.of()).text("id");
            List<Integer> statuses = inParallel(12,
                    () -> tenant.client().patch("/api/v1/traces/" + id + "/complete", null).status());
            assertThat(statuses).containsOnly(200);
        }
    }

    private static List<Integer> inParallel(int requests, Callable<Integer> request) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sent.add(pool.submit(request));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : sent) {
                statuses.add(f.get());
            }
            return statuses;
        }
    }

    @Test
    void aProjectsStatusIsCheckedWhenItIsCreatedAsWhenItIsChanged() {
        int projects = owner.get("/api/v1/projects").json().size();
        ApiClient.Response bogus = owner.post("/api/v1/projects", Map.of("project", Map.of("name", "Bogus",
                "status", "bogus")));
        assertError(bogus, 422, "invalid_request");
        assertThat(bogus.text("error")).isEqualTo("status must be active or archived");
        ApiClient.Response archived = owner.post("/api/v1/projects", Map.of("project", Map.of("name", "Archived",
                "status", "archived")));
        assertError(archived, 422, "invalid_request");
        assertThat(archived.text("error")).startsWith("status must be active for a new project");
        assertError(owner.post("/api/v1/projects", Map.of("name", "Typed", "status", 1)), 422, "invalid_request");
        assertThat(owner.get("/api/v1/projects").json().size()).as("nothing was created").isEqualTo(projects);
        ApiClient.Response active = owner.post("/api/v1/projects", Map.of("name", "Active", "status", "active"));
        assertThat(active.status()).as(active.toString()).isEqualTo(201);
        assertThat(active.text("status")).isEqualTo("active");
    }

    @Test
    void revokedKeysStopWorkingAtOnceAndAreAudited() {
        RunningOlyx.Tenant doomed = olyx.newTenant(owner, "Revoked");
        assertThat(doomed.client().get("/api/v1/traces").status()).isEqualTo(200);
        ApiClient.Response revoked = owner.delete("/api/v1/keys/" + doomed.keyId());
        assertThat(revoked.text("status")).isEqualTo("revoked");
        assertError(doomed.client().get("/api/v1/traces"), 401, "key_revoked");
        assertError(owner.patch("/api/v1/keys/" + doomed.keyId(), Map.of("status", "active")), 409,
                "invalid_status_change");
        List<String> events = owner.get("/api/v1/audit-events?event=perimeter_block").json().findValuesAsText("event");
        assertThat(events).isNotEmpty().allMatch("perimeter_block"::equals);
    }

    @Test
    void revokingARevokedKeyAgainIsNoSecondRevocationAndItsRefusalsNameItsProject() {
        RunningOlyx.Tenant doomed = olyx.newTenant(owner, "Revoked twice");
        assertThat(owner.delete("/api/v1/keys/" + doomed.keyId()).text("status")).isEqualTo("revoked");
        ApiClient.Response again = owner.delete("/api/v1/keys/" + doomed.keyId());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("revoked");
        String inProject = "&project_id=" + doomed.projectId();
        JsonNode revocations = owner.get("/api/v1/audit-events?event=key_revoked" + inProject).json();
        assertThat(revocations.findValuesAsText("key_id")).containsExactly(doomed.keyId());

        assertError(doomed.client().get("/api/v1/traces"), 401, "key_revoked");
        JsonNode blocks = owner.get("/api/v1/audit-events?event=perimeter_block" + inProject).json();
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).path("project_id").asLong()).isEqualTo(doomed.projectId());
        assertThat(blocks.get(0).path("metadata").path("reason").asText()).isEqualTo("key_revoked");
    }

    @Test
    void anExpiredKeysExpiryCannotBeMovedToBringItBack() {
        RunningOlyx.Tenant expiring = olyx.newTenant(owner, "Expired for good");
        String key = "/api/v1/keys/" + expiring.keyId();
        assertThat(owner.patch(key, Map.of("expires_at", "2031-01-01T00:00:00Z")).status())
                .as("a key not yet expired may have its expiry moved").isEqualTo(200);
        assertThat(owner.patch(key, Map.of("expires_at", "2020-01-01T00:00:00Z")).status()).isEqualTo(200);
        for (String body : List.of("{\"expires_at\":\"2031-01-01T00:00:00Z\"}", "{\"expires_at\":null}",
                "{\"expires_at\":\"2019-01-01T00:00:00Z\"}")) {
            ApiClient.Response moved = owner.patch(key, body);
            assertError(moved, 409, "invalid_status_change");
            assertThat(moved.text("error")).as(body).startsWith("The key expired at 2020-01-01T00:00:00Z");
        }
        ApiClient.Response reactivated = owner.patch(key, Map.of("status", "active"));
        assertError(reactivated, 409, "invalid_status_change");
        assertThat(reactivated.text("error")).isEqualTo("An expired key cannot become active");
        ApiClient.Response renamed = owner.patch(key, Map.of("name", "Expired, renamed",
                "expires_at", "2020-01-01T00:00:00Z"));
        assertThat(renamed.status()).as("the same expiry is no move").isEqualTo(200);
        assertThat(renamed.text("status")).isEqualTo("expired");
        assertError(expiring.client().get("/api/v1/traces"), 401, "key_expired");
        ApiClient.Response revoked = owner.delete(key);
        assertThat(revoked.status()).as("an expired key can still be revoked: %s", revoked).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("revoked");
        assertError(expiring.client().get("/api/v1/traces"), 401, "key_revoked");
    }

    @Test
    void trippedKeysAreRejectedWithRetryAfterUntilReset() {
        RunningOlyx.Tenant tripped = olyx.newTenant(owner, "Tripped");
        owner.patch("/api/v1/keys/" + tripped.keyId(), Map.of("status", "tripped"));
        ApiClient.Response rejected = tripped.client().get("/api/v1/traces");
        assertError(rejected, 429, "spend_limit_exceeded");
        assertThat(rejected.headers().firstValue("Retry-After")).isPresent();
        owner.patch("/api/v1/keys/" + tripped.keyId(), Map.of("status", "active"));
        assertThat(tripped.client().get("/api/v1/traces").status()).isEqualTo(200);
    }

    @Test
    void expiredKeysAreRefused() {
        RunningOlyx.Tenant expiring = olyx.newTenant(owner, "Expiring");
        owner.patch("/api/v1/keys/" + expiring.keyId(), Map.of("expires_at", "2020-01-01T00:00:00Z"));
        assertError(expiring.client().get("/api/v1/traces"), 401, "key_expired");
        JsonList keys = new JsonList(owner.get("/api/v1/keys?project_id=" + expiring.projectId()));
        assertThat(keys.first("status")).isEqualTo("expired");
        assertError(owner.post("/api/v1/keys", Map.of("name", "born expired", "project_id", expiring.projectId(),
                "expires_at", "2020-01-01T00:00:00Z")), 422, "invalid_request");
        ApiClient.Response farOff = owner.post("/api/v1/keys", Map.of("name", "far off",
                "project_id", expiring.projectId(), "expires_at", "+300000-01-01T00:00:00Z"));
        assertError(farOff, 422, "invalid_request");
        assertThat(farOff.text("error")).isEqualTo("expires_at must fall in the years 1 to 9999");
        assertThat(new JsonList(owner.get("/api/v1/keys?project_id=" + expiring.projectId())).size())
                .as("no key was created").isEqualTo(keys.size());
        ApiClient.Response lastDay = owner.post("/api/v1/keys", Map.of("name", "last day",
                "project_id", expiring.projectId(), "expires_at", "9999-12-31T23:59:59Z"));
        assertThat(lastDay.status()).as(lastDay.toString()).isEqualTo(201);
        assertThat(lastDay.text("expires_at")).isEqualTo("9999-12-31T23:59:59Z");
    }

    @Test
    void auditEventFiltersOutOfRangeAreToldWhatTheyMustBeNotAJavaTypesRange() {
        for (String query : List.of("project_id=99999999999999999999", "project_id=0", "project_id=abc")) {
            ApiClient.Response refused = owner.get("/api/v1/audit-events?" + query);
            assertError(refused, 422, "invalid_request");
            assertThat(refused.text("error")).as(query).isEqualTo("project_id must be a project id");
        }
        for (String query : List.of("before_id=99999999999999999999", "before_id=0", "before_id=x")) {
            ApiClient.Response refused = owner.get("/api/v1/audit-events?" + query);
            assertError(refused, 422, "invalid_request");
            assertThat(refused.text("error")).as(query).isEqualTo("before_id must be an audit event id");
        }
        ApiClient.Response noSuchProject = owner.get("/api/v1/audit-events?project_id=99999999999");
        assertThat(noSuchProject.status()).as(noSuchProject.toString()).isEqualTo(200);
        assertThat(noSuchProject.json()).isEmpty();
        ApiClient.Response beyondEveryId = owner.get("/api/v1/audit-events?before_id=3000000000");
        assertThat(beyondEveryId.status()).as(beyondEveryId.toString()).isEqualTo(200);
        assertThat(beyondEveryId.json()).isNotEmpty();
    }

    @Test
    void membersCannotAdministerAndCannotSeeAuditEvents() {
        ApiClient.Response created = owner.post("/api/v1/admin/accounts",
                Map.of("name", "Mia", "role", "member", "loginKey", "lk_member_login_key_0001"));
        assertThat(created.status()).isEqualTo(201);
        String token = olyx.api.post("/api/v1/auth/login", Map.of("loginKey", "lk_member_login_key_0001"))
                .text("accessToken");
        ApiClient member = olyx.api.as(token);
        assertThat(member.get("/api/v1/projects").status()).isEqualTo(200);
        assertError(member.post("/api/v1/projects", Map.of("name", "Nope")), 403, "forbidden");
        assertError(member.delete("/api/v1/projects/" + tenant.projectId()), 403, "forbidden");
        assertError(member.get("/api/v1/audit-events"), 403, "forbidden");
        assertError(member.post("/api/v1/admin/accounts", Map.of("name", "X")), 403, "forbidden");
        assertThat(member.put("/api/v1/accounts", Map.of("name", "Mia R.")).text("name")).isEqualTo("Mia R.");
        assertError(member.put("/api/v1/accounts", Map.of("name", " ")), 422, "invalid_request");
        assertThat(member.get("/api/v1/accounts").text("name")).isEqualTo("Mia R.");
    }

    @Test
    void disablingAnAccountEndsItsSessionsForGood() {
        ApiClient.Response created = owner.post("/api/v1/admin/accounts",
                Map.of("name", "Dora", "role", "member", "loginKey", "lk_disabled_login_key_0001"));
        assertThat(created.status()).isEqualTo(201);
        String account = "/api/v1/admin/accounts/" + created.text("id");
        ApiClient before = olyx.api.as(olyx.api.post("/api/v1/auth/login",
                Map.of("loginKey", "lk_disabled_login_key_0001")).text("accessToken"));
        assertThat(before.get("/api/v1/projects").status()).isEqualTo(200);

        assertThat(owner.patch(account, Map.of("disabled", true)).status()).isEqualTo(200);
        assertThat(before.get("/api/v1/projects").status()).isEqualTo(401);
        assertThat(owner.patch(account, Map.of("disabled", false)).status()).isEqualTo(200);

        assertThat(before.get("/api/v1/projects").status()).as("the old session stays ended").isEqualTo(401);
        ApiClient after = olyx.api.as(olyx.api.post("/api/v1/auth/login",
                Map.of("loginKey", "lk_disabled_login_key_0001")).text("accessToken"));
        assertThat(after.get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void membersMayRefreshInsightsButNotDismissThem() {
        ApiClient.Response created = owner.post("/api/v1/admin/accounts",
                Map.of("name", "Ivo", "role", "member", "loginKey", "lk_insight_member_key_0001"));
        assertThat(created.status()).isEqualTo(201);
        ApiClient member = olyx.api.as(olyx.api.post("/api/v1/auth/login",
                Map.of("loginKey", "lk_insight_member_key_0001")).text("accessToken"));
        String insights = "/api/v1/projects/" + tenant.projectId() + "/insights";

        assertThat(member.post(insights + "/refresh", Map.of()).status()).isIn(200, 202);
        assertError(member.patch(insights + "/1/dismiss", Map.of()), 403, "forbidden");
        assertThat(owner.patch(insights + "/999999/dismiss", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void wrongLoginKeysAreRefusedAndAudited() {
        assertError(olyx.api.post("/api/v1/auth/login", Map.of("loginKey", "wrong-key-000000")), 400,
                "invalid_login_key");
        assertThat(owner.get("/api/v1/audit-events?event=login_failed").json()).isNotEmpty();
    }

    /** A key for an archived project could never be used (403 project_archived), so it is not created. */
    @Test
    void noKeyIsCreatedForAnArchivedProject() {
        long project = owner.post("/api/v1/projects", Map.of("project", Map.of("name", "Shelved"))).json().path("id")
                .asLong();
        assertThat(owner.patch("/api/v1/projects/" + project, Map.of("project", Map.of("status", "archived")))
                .status()).isEqualTo(200);

        assertError(owner.post("/api/v1/keys", Map.of("name", "late", "project_id", project)), 409,
                "project_archived");
        assertThat(owner.get("/api/v1/keys?project_id=" + project).json()).isEmpty();

        owner.patch("/api/v1/projects/" + project, Map.of("project", Map.of("status", "active")));
        assertThat(owner.post("/api/v1/keys", Map.of("name", "late", "project_id", project)).status())
                .isEqualTo(201);
    }

    /** Seed 003: 400 for an invalid or missing login body, whatever is wrong with it. */
    @Test
    void aLoginBodyThatIsNotALoginKeyIs400() {
        for (String body : List.of("{}", "{\"loginKey\":null}", "{\"loginKey\":123}", "{\"loginKey\":[\"k\"]}",
                "[]", "\"lk\"")) {
            assertError(olyx.api.post("/api/v1/auth/login", body), 400, "invalid_request");
        }
        assertThat(olyx.api.post("/api/v1/auth/login", "{\"loginKey\":123}").text("error"))
                .isEqualTo("loginKey must be a string");
    }

    record JsonList(ApiClient.Response response) {
        String first(String field) {
            return response.json().get(0).path(field).asText();
        }

        int size() {
            return response.json().size();
        }
    }
}
