package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A PATCH that changes nothing records no audit event (docs/api.md), while one that changes something does. */
class UnchangedPatchEndToEndTest extends OlyxAgainstFakeProvider {
    @Test
    void aProjectPatchThatChangesNothingIsNotAudited() {
        ApiClient.Response created = owner.post("/api/v1/projects", Map.of("project", Map.of("name", "Still",
                "description", "as it was", "settings", Map.of("custom", 1))));
        String project = "/api/v1/projects/" + created.json().path("id").asLong();
        String updates = "/api/v1/audit-events?event=project_updated&project_id=" + created.json().path("id");

        ApiClient.Response same = owner.patch(project, Map.of("project", Map.of("name", "Still",
                "description", "as it was", "status", "active", "settings", Map.of("custom", 1))));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.text("updated_at")).isEqualTo(created.text("updated_at"));
        assertThat(owner.get(updates).json()).isEmpty();

        assertThat(owner.patch(project, Map.of("project", Map.of("name", "Renamed"))).status()).isEqualTo(200);
        assertThat(owner.get(updates).json()).hasSize(1);
    }

    @Test
    void aModelPatchThatChangesNothingIsNotAuditedEvenWithItsOwnKeySentAgain() {
        long projectId = owner.post("/api/v1/projects", Map.of("project", Map.of("name", "Still model"))).json()
                .path("id").asLong();
        Map<String, Object> definition = Map.of("identifier", "still", "provider", "openai",
                "base_url", provider.baseUrl() + "/v1", "api_key", "sk-still-the-same-key",
                "input_cost_per_1k", 0.5, "additional_config", Map.of("custom", "x"));
        ApiClient.Response created = owner.post("/api/v1/projects/" + projectId + "/models",
                Map.of("model_definition", definition));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String model = "/api/v1/projects/" + projectId + "/models/" + created.json().path("id").asLong();
        String updates = "/api/v1/audit-events?event=model_updated&project_id=" + projectId;

        ApiClient.Response same = owner.patch(model, definition);
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.text("updated_at")).isEqualTo(created.text("updated_at"));
        assertThat(owner.get(updates).json()).isEmpty();

        assertThat(owner.patch(model, Map.of("api_key", "sk-another-key")).status()).isEqualTo(200);
        assertThat(owner.get(updates).json()).hasSize(1);
    }

    @Test
    void anAccountChangeThatChangesNothingIsNotAudited() {
        ApiClient.Response created = owner.post("/api/v1/admin/accounts", Map.of("name", "Still here",
                "role", "member", "loginKey", "lk_still_here_login_key_0001"));
        String id = created.text("id");
        ApiClient member = olyx.api.as(olyx.api.post("/api/v1/auth/login",
                Map.of("loginKey", "lk_still_here_login_key_0001")).text("accessToken"));

        assertThat(owner.patch("/api/v1/admin/accounts/" + id, Map.of("role", "member", "disabled", false))
                .status()).isEqualTo(200);
        assertThat(member.put("/api/v1/accounts", Map.of("name", "Still here")).status()).isEqualTo(200);
        assertThat(accountUpdates(id)).isZero();

        assertThat(owner.patch("/api/v1/admin/accounts/" + id, Map.of("role", "admin")).status()).isEqualTo(200);
        assertThat(member.put("/api/v1/accounts", Map.of("name", "Moved on")).status()).isEqualTo(200);
        assertThat(accountUpdates(id)).isEqualTo(2);
    }

    private long accountUpdates(String accountId) {
        return owner.get("/api/v1/audit-events?event=account_updated").json().findValuesAsText("account_id").stream()
                .filter(accountId::equals).count();
    }
}
