package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node is killed (SIGKILL, no shutdown at all) while its replay job waits on the provider; the next start on the
 * same data directory takes the job back and finishes the replay, continuing the replay trace it had begun.
 */
class ReplayRestartEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void aReplayJobInterruptedByACrashResumesOnTheNextStart() throws Exception {
        try (FakeProviderServer provider = FakeProviderServer.start()) {
            int port = freePort();
            Process node = startNode(port);
            String job;
            String source;
            RunningOlyx.Tenant tenant;
            try {
                ApiClient api = new ApiClient("http://127.0.0.1:" + port);
                awaitUp(api, node);
                ApiClient owner = login(api);
                tenant = newTenant(api, owner);
                Models.register(owner, tenant.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
                Models.register(owner, tenant.projectId(), provider, "gpt-4o-mini", "openai", 0.00015, 0.0006, true,
                        Map.of());
                source = tenant.client().post("/api/v1/traces", Map.of()).text("id");
                provider.enqueue(FakeBehavior.text("Quarterly summary.").withUsage(900, 120));
                tenant.client().post("/api/v1/runs", Map.of("trace_id", source, "model", "gpt-4o",
                        "input", "Summarize the quarter."));
                tenant.client().patch("/api/v1/traces/" + source + "/complete", null);
                provider.setDefault(FakeBehavior.text("never sent").delayFirstByte(Duration.ofMinutes(2)));

                job = tenant.client().post("/api/v1/replay", Map.of("trace_id", source, "force_model",
                        "gpt-4o-mini")).text("job_id");
                Replays.await(tenant.client(), job, json -> json.path("status").asText().equals("running")
                        && provider.requestCount() >= 2, Duration.ofSeconds(60));
            } finally {
                node.destroyForcibly().waitFor();
            }
            provider.setDefault(FakeBehavior.text("Quarterly summary, replayed.").withUsage(900, 100));

            try (RunningOlyx restarted = RunningOlyx.start(dataDir)) {
                ApiClient client = restarted.api.as(tenant.rawKey());
                JsonNode done = Replays.awaitEnd(client, job);

                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.path("comparison").path("replay").path("models_used")).extracting(JsonNode::asText)
                        .containsExactly("gpt-4o-mini");
                JsonNode replayTrace = client.get("/api/v1/traces/" + done.path("replay_trace_id").asText()).json();
                assertThat(replayTrace.path("replay_of").asText()).isEqualTo(source);
                assertThat(replayTrace.path("steps")).singleElement()
                        .satisfies(step -> assertThat(step.path("output").asText())
                                .isEqualTo("Quarterly summary, replayed."));
                assertThat(client.get("/api/v1/traces?status=replay").json().path("total").asInt()).isEqualTo(1);
            }
        }
    }

    private Process startNode(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        builder.environment().putAll(Map.of("OLYX_HOST", "127.0.0.1", "OLYX_PORT", Integer.toString(port),
                "OLYX_DATA_DIR", dataDir.toString(), "OLYX_OWNER_LOGIN_KEY", RunningOlyx.OWNER_LOGIN_KEY));
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("killed-node.log").toFile());
        return builder.start();
    }

    private static void awaitUp(ApiClient api, Process node) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!node.isAlive()) {
                throw new AssertionError("the node exited with " + node.exitValue());
            }
            try {
                if (api.get("/up").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the node did not come up");
    }

    private static ApiClient login(ApiClient api) {
        ApiClient.Response login = api.post("/api/v1/auth/login", Map.of("loginKey", RunningOlyx.OWNER_LOGIN_KEY));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return api.as(login.text("accessToken"));
    }

    private static RunningOlyx.Tenant newTenant(ApiClient api, ApiClient owner) {
        long projectId = owner.post("/api/v1/projects", Map.of("project", Map.of("name", "Restart")))
                .json().path("id").asLong();
        ApiClient.Response key = owner.post("/api/v1/keys", Map.of("name", "restart key", "project_id", projectId));
        return new RunningOlyx.Tenant(projectId, key.text("id"), key.text("raw_key"), api.as(key.text("raw_key")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
