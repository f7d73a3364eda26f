package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.adapter.persistence.DatabaseSettings;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
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
    void parallelPatchesOnTwoNodesKeepEverySettingAndEveryModelConfigKey() throws Exception {
        List<ApiClient> owners = List.of(first.owner(), second.owner());
        ConcurrentChangesEndToEndTest.assertEveryProjectSettingKept(owners, owners.get(0));
        ConcurrentChangesEndToEndTest.assertEveryModelConfigKept(owners, owners.get(1), provider);
        ConcurrentChangesEndToEndTest.assertEveryAccountChangeKept(owners, owners.get(0), "two");
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

    /**
     * The database is slow to take writes, as a loaded one is: while the test holds a lock that lets every read
     * through and no insert into steps, each answer passes the "already answered?" read and waits to be recorded,
     * so both nodes hold answers to the same calls when the writes go through, and only the database can pick one.
     */
    @Test
    void answersToOneToolCallSentToBothNodesAtOnceAreTakenOnce() throws Exception {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(first.owner(), provider, first.api, "Tool race",
                Map.of());
        ToolAnswerRace race = ToolAnswerRace.prepare(tenant.client(), provider);
        List<ApiClient> nodes = List.of(tenant.client(), second.api.as(tenant.rawKey()));

        List<ApiClient.Response> answers;
        DataSource database = postgres.getDatabase("postgres", "olyx_nodes");
        // the connection is closed first, so a failure here releases the lock before the calls are waited for
        try (ExecutorService caller = Executors.newSingleThreadExecutor();
             Connection stall = database.getConnection()) {
            stall.setAutoCommit(false);
            stall.createStatement().execute("LOCK TABLE steps IN SHARE MODE");
            Future<List<ApiClient.Response>> racing = caller.submit(() -> race.answerAtOnce(nodes));
            awaitWritersWaitingOnTheLock(database, nodes.size());
            Thread.sleep(500); // the answers still being read get to their writes, which wait too
            stall.rollback();
            answers = racing.get();
        }

        race.assertEachTakenOnce(answers);
    }

    /**
     * A node died calling the model for a continuation: the caller's answers are recorded and its Idempotency-Key
     * claimed, with no model step after them. Once their leases have run out, the caller's retry with the same key,
     * on the other node, goes on as seed 002 says it may, instead of a 409 for every retry.
     */
    @Test
    void aRetryGoesOnWhereANodeDiedHoldingTheToolAnswersAndTheIdempotencyKey() {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(first.owner(), provider, first.api, "Dead node",
                Map.of());
        provider.enqueue(FakeBehavior.toolCall("get_weather", "{\"city\":\"London\"}"));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        ApiClient.Response asked = tenant.client().post("/api/v1/executions", Map.of("trace_id", trace,
                "input", "Weather?", "tools", PipelineEndToEndTest.WEATHER_TOOL));
        long parent = asked.json().path("step_id").asLong();
        String callId = asked.json().path("tool_calls").get(0).path("id").asText();
        try (DeadNode dead = DeadNode.sharing(sharedDatabase())) {
            dead.claimedKey(tenant.projectId(), "continue-" + trace);
            dead.answered(tenant.projectId(), trace, parent, callId, "15°C");
        }
        int calledBefore = provider.requestCount();
        provider.enqueue(FakeBehavior.text("It is 15°C in London."));

        ApiClient.Response retry = second.api.as(tenant.rawKey()).send("POST", "/api/v1/executions",
                Map.of("trace_id", trace, "input", "Weather?", "parent_step_id", parent,
                        "tool_results", List.of(Map.of("tool_call_id", callId, "content", "15°C"))),
                "Idempotency-Key", "continue-" + trace);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.text("output")).isEqualTo("It is 15°C in London.");
        assertThat(provider.requestCount() - calledBefore).isEqualTo(1);
        assertThat(tenant.client().get("/api/v1/traces/" + trace).json().path("steps"))
                .extracting(s -> s.path("type").asText() + " " + s.path("parent_step_id").asText())
                .as("the dead node's answer withdrawn, the retry's recorded once")
                .containsExactlyInAnyOrder("run null", "tool_call " + parent, "run " + parent);
    }

    /** Retries over a dead node's answers, sent to both nodes at once: for each call one takes them over. */
    @Test
    void retriesSentToBothNodesAtOnceOverTheAnswersOfANodeThatDiedGoOnOnce() throws Exception {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(first.owner(), provider, first.api, "Dead race",
                Map.of());
        ToolAnswerRace race = ToolAnswerRace.prepare(tenant.client(), provider);
        try (DeadNode dead = DeadNode.sharing(sharedDatabase())) {
            race.answeredByANodeThatDied(dead, tenant.projectId());
        }

        List<ApiClient.Response> answers = race.answerAtOnce(List.of(tenant.client(),
                second.api.as(tenant.rawKey())));

        race.assertEachTakenOnce(answers);
    }

    private DatabaseSettings sharedDatabase() {
        return new DatabaseSettings(postgres.getJdbcUrl("postgres", "olyx_nodes"), "postgres", "postgres", 2);
    }

    /** Polled outside the stalling transaction, which would see one snapshot of the activity throughout. */
    private static void awaitWritersWaitingOnTheLock(DataSource database, int writers) throws Exception {
        for (int polls = 0; polls < 600; polls++) {
            try (Connection connection = database.getConnection();
                 var statement = connection.createStatement();
                 var waiting = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                         + " WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO steps%'")) {
                waiting.next();
                if (waiting.getInt(1) >= writers) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the nodes' step writers never waited for the lock");
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
