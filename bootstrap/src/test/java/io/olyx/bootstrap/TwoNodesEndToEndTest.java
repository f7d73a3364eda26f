package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Two Olyx nodes sharing one real PostgreSQL: what must hold across nodes holds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesEndToEndTest {
    @TempDir
    static Path dataDirs;

    EmbeddedPostgres postgres;
    FakeProviderServer provider;
    RunningOlyx first;
    RunningOlyx second;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE olyx_nodes");
        }
        Map<String, String> shared = Map.of(
                "OLYX_DATABASE_URL", postgres.getJdbcUrl("postgres", "olyx_nodes"),
                "OLYX_DATABASE_USER", "postgres", "OLYX_DATABASE_PASSWORD", "postgres",
                "OLYX_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        provider = FakeProviderServer.start();
        provider.setDefault(FakeBehavior.text("ok").withUsage(10, 50));
        first = RunningOlyx.start(dataDirs.resolve("a"), shared);
        second = RunningOlyx.start(dataDirs.resolve("b"), shared);
    }

    @AfterAll
    void stop() throws Exception {
        second.close();
        first.close();
        provider.close();
        postgres.close();
    }

    @Test
    void theHourlyCapHoldsWhenTwoNodesRaceOnOneKey() throws Exception {
        ApiClient owner = first.owner();
        SpendRace race = SpendRace.prepare(owner, provider, List.of(first.api, second.api), "Two nodes");

        SpendRace.Result result = race.fire(200);

        assertThat(result.answered()).isPositive();
        assertThat(result.refused()).isPositive();
        assertThat(result.otherStatuses()).isEmpty();
        assertThat(race.recordedSpend(owner)).isLessThanOrEqualTo(SpendRace.LIMIT);
        assertThat(race.keyStatus(second.owner())).isEqualTo("tripped");
    }

    @Test
    void aKeyCreatedOnOneNodeWorksOnTheOtherAndTracesAreShared() {
        ApiClient owner = first.owner();
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, first.api, "Shared", Map.of());
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        ApiClient onSecond = second.api.as(tenant.rawKey());
        assertThat(onSecond.post("/api/v1/executions", Map.of("trace_id", trace, "input", "hello")).status())
                .isEqualTo(200);
        assertThat(tenant.client().get("/api/v1/traces/" + trace).json().path("steps")).hasSize(1);
    }

    @Test
    void identicalReplaysSentToBothNodesAtOnceJoinOneJob() throws Exception {
        ApiClient owner = first.owner();
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, first.api, "Replay race", Map.of());
        String source = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        tenant.client().post("/api/v1/executions", Map.of("trace_id", source, "input", "hello"));
        tenant.client().patch("/api/v1/traces/" + source + "/complete", null);

        List<ApiClient.Response> answers = Replays.queueAtOnce(List.of(tenant.client(),
                second.api.as(tenant.rawKey())), Map.of("trace_id", source), 20);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 202));
        assertThat(answers).extracting(answer -> answer.text("job_id")).containsOnly(answers.get(0).text("job_id"));
        Replays.awaitEnd(tenant.client(), answers.get(0).text("job_id"));
        assertThat(Replays.replayTracesOf(tenant.client(), source)).hasSize(1);
    }
}
