package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One project's key can never read or change another project's data: it is as if the data did not exist. */
class ProjectIsolationEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void aKeySeesOnlyItsOwnProject() {
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient owner = olyx.owner();
            RunningOlyx.Tenant production = olyx.newTenant(owner, "Production");
            RunningOlyx.Tenant staging = olyx.newTenant(owner, "Staging");
            String productionTrace = production.client().post("/api/v1/traces", Map.of()).text("id");

            ApiErrorsEndToEndTest.assertError(staging.client().get("/api/v1/traces/" + productionTrace), 404,
                    "not_found");
            ApiErrorsEndToEndTest.assertError(staging.client().patch("/api/v1/traces/" + productionTrace
                    + "/complete", null), 404, "not_found");
            ApiErrorsEndToEndTest.assertError(staging.client().post("/api/v1/logs", Map.of("trace_id",
                    productionTrace, "output", Map.of("x", 1))), 404, "not_found");
            assertThat(staging.client().get("/api/v1/traces").json().path("total").asLong()).isZero();

            assertThat(production.client().get("/api/v1/traces/" + productionTrace).text("status"))
                    .isEqualTo("pending");
            assertThat(production.client().get("/api/v1/traces/" + productionTrace).json().path("steps")).isEmpty();
        }
    }

    @Test
    void deletingAProjectRemovesItsDataAndDisablesItsKeys() {
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient owner = olyx.owner();
            RunningOlyx.Tenant doomed = olyx.newTenant(owner, "Doomed");
            doomed.client().post("/api/v1/traces", Map.of());
            assertThat(owner.delete("/api/v1/projects/" + doomed.projectId()).status()).isEqualTo(204);
            ApiErrorsEndToEndTest.assertError(doomed.client().get("/api/v1/traces"), 401, "unauthorized");
            ApiErrorsEndToEndTest.assertError(owner.get("/api/v1/projects/" + doomed.projectId()), 404, "not_found");
        }
    }
}
