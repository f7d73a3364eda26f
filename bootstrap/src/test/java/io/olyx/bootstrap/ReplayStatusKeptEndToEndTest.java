package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished replay job stays readable as long as an Idempotency-Key retry can hand out its id (24 hours), while the
 * one-hour result cache for new identical replays ends on time. Runs on a clock the test moves ahead.
 */
class ReplayStatusKeptEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void aJobIdAnIdempotentRetryHandsOutAfterAnHourStillAnswers() {
        ShiftedClock clock = new ShiftedClock();
        try (FakeProviderServer provider = FakeProviderServer.start();
             RunningOlyx olyx = RunningOlyx.start(dataDir, Map.of(), clock)) {
            ApiClient owner = olyx.owner();
            RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Replay kept");
            Models.register(owner, tenant.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
            Models.register(owner, tenant.projectId(), provider, "gpt-4o-mini", "openai", 0.00015, 0.0006, true,
                    Map.of());
            String source = tenant.client().post("/api/v1/traces", Map.of()).text("id");
            provider.setDefault(FakeBehavior.text("A summary.").withUsage(100, 20));
            tenant.client().post("/api/v1/runs", Map.of("trace_id", source, "model", "gpt-4o", "input", "Sum up."));
            tenant.client().patch("/api/v1/traces/" + source + "/complete", null);
            Map<String, Object> body = Map.of("trace_id", source, "force_model", "gpt-4o-mini");
            String key = source + "-replay";
            String job = tenant.client().send("POST", "/api/v1/replay", body, "Idempotency-Key", key).text("job_id");
            Replays.awaitEnd(tenant.client(), job);

            clock.moveAhead(Duration.ofHours(2));
            ApiClient.Response retried = tenant.client().send("POST", "/api/v1/replay", body, "Idempotency-Key", key);
            ApiClient.Response polled = tenant.client().get("/api/v1/replay/" + job);
            ApiClient.Response fresh = tenant.client().post("/api/v1/replay", body);

            assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(retried.text("job_id")).isEqualTo(job);
            assertThat(polled.status()).as(polled.toString()).isEqualTo(200);
            assertThat(polled.text("status")).isEqualTo("completed");
            assertThat(fresh.status()).as("the result cache still ends after an hour: " + fresh).isEqualTo(202);
            assertThat(fresh.text("job_id")).isNotEqualTo(job);
            Replays.awaitEnd(tenant.client(), fresh.text("job_id"));

            clock.moveAhead(Duration.ofHours(23));
            assertError(tenant.client().get("/api/v1/replay/" + job), 404, "not_found");
        }
    }
}
