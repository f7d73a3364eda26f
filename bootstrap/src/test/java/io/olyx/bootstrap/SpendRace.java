package io.olyx.bootstrap;

import io.olyx.fixtures.provider.FakeProviderServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many concurrent model calls on one capped key, spread over one or more Olyx nodes. Every call costs the same
 * (10 prompt + 50 completion tokens), so the cap's promise is easy to check: recorded spend never passes it.
 */
final class SpendRace {
    static final BigDecimal LIMIT = new BigDecimal("0.02");

    private final long projectId;
    private final String keyId;
    private final String rawKey;
    private final List<ApiClient> nodes;

    private SpendRace(long projectId, String keyId, String rawKey, List<ApiClient> nodes) {
        this.projectId = projectId;
        this.keyId = keyId;
        this.rawKey = rawKey;
        this.nodes = nodes;
    }

    static SpendRace prepare(ApiClient owner, FakeProviderServer provider, List<ApiClient> nodes, String name) {
        RunningOlyx.Tenant tenant = tenantWithModel(owner, provider, nodes.get(0), name,
                Map.of("hourly_limit", LIMIT));
        return new SpendRace(tenant.projectId(), tenant.keyId(), tenant.rawKey(), nodes);
    }

    /** A project whose every tier is one cheap model on the fake provider, and a key (options: hourly_limit...). */
    static RunningOlyx.Tenant tenantWithModel(ApiClient owner, FakeProviderServer provider, ApiClient api,
                                             String name, Map<String, Object> keyOptions) {
        long projectId = owner.post("/api/v1/projects", Map.of("project", Map.of("name", name))).json()
                .path("id").asLong();
        Models.register(owner, projectId, provider, "metered", "openai", 0.01, 0.02, true, Map.of());
        owner.patch("/api/v1/projects/" + projectId, Map.of("project", Map.of("settings", Map.of("routing_tiers",
                Map.of("simple", "metered", "complex", "metered", "secure", "metered")))));
        Map<String, Object> key = new HashMap<>(keyOptions);
        key.put("name", name);
        key.put("project_id", projectId);
        ApiClient.Response created = owner.post("/api/v1/keys", key);
        return new RunningOlyx.Tenant(projectId, created.text("id"), created.text("raw_key"),
                api.as(created.text("raw_key")));
    }

    ApiClient client(ApiClient node) {
        return node.as(rawKey);
    }

    String trace(ApiClient node) {
        return client(node).post("/api/v1/traces", Map.of()).text("id");
    }

    /** Distinct inputs, so the race exercises the spend cap and not loop detection. */
    Map<String, Object> body(String trace, int n) {
        return Map.of("trace_id", trace, "input", "Reply with ok to request " + n, "max_tokens", 50);
    }

    Result fire(int calls) throws Exception {
        List<String> traces = new ArrayList<>();
        for (ApiClient node : nodes) {
            traces.add(trace(node));
        }
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int call = i;
            int node = i % nodes.size();
            statuses.add(pool.submit(() -> client(nodes.get(node)).post("/api/v1/executions",
                    body(traces.get(node), call)).status()));
        }
        int answered = 0;
        int refused = 0;
        List<Integer> other = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            int s = status.get();
            if (s == 200) {
                answered++;
            } else if (s == 429) {
                refused++;
            } else {
                other.add(s);
            }
        }
        pool.shutdown();
        return new Result(answered, refused, other);
    }

    BigDecimal recordedSpend(ApiClient owner) {
        return owner.get("/api/v1/projects/" + projectId).json().path("total_monthly_spend").decimalValue();
    }

    String keyStatus(ApiClient owner) {
        return owner.get("/api/v1/keys?project_id=" + projectId).json().get(0).path("status").asText();
    }

    String keyId() {
        return keyId;
    }

    record Result(int answered, int refused, List<Integer> otherStatuses) {
    }
}
