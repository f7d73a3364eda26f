package io.olyx.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.bootstrap.ConfigLoader;
import io.olyx.bootstrap.Olyx;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway's own overhead: the same calls at fixed arrival rates (open loop) straight to a loopback provider
 * (the baseline) and through Olyx with durable tracing on (H2 in a temp dir, every call a recorded step), for
 * POST /api/v1/executions and POST /api/v1/chat/completions. Reports latency p50/p99 of each and the difference,
 * and the highest rate whose p99 through Olyx stays under 50 ms.
 *
 * <p>Run: {@code mvn -q -Pbench -DskipTests package -pl bench -am} then
 * {@code java --enable-native-access=ALL-UNNAMED -cp bench/target/olyx-bench.jar
 * io.olyx.bench.gateway.GatewayOverheadBench [seconds-per-rate] [rates...]} (default 10 s at 200 500 1000).
 * With {@code -Dolyx.port=N} it drives an Olyx already running on that loopback port (the real jar in its own
 * process, started with {@code OLYX_OWNER_LOGIN_KEY=lk_bench_owner_login_key_000001} on a fresh data directory)
 * instead of starting one in this JVM.
 */
public final class GatewayOverheadBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGIN = "lk_bench_owner_login_key_000001";

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] rates = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {200, 500, 1000};
        new GatewayOverheadBench().run(seconds, rates);
    }

    private void run(int seconds, int[] rates) throws Exception {
        try (FakeProviderServer provider = FakeProviderServer.start()) {
            provider.captureRequests(false);
            provider.setDefault(FakeBehavior.text("Bonjour le monde.").withUsage(12, 5));
            Integer external = Integer.getInteger("olyx.port");
            if (external != null) {
                measure(seconds, rates, external, provider);
                return;
            }
            Path data = Files.createTempDirectory("olyx-bench");
            Olyx olyx = Olyx.start(ConfigLoader.from(Map.of("OLYX_PORT", "0", "OLYX_HOST", "127.0.0.1",
                    "OLYX_DATA_DIR", data.toString(), "OLYX_OWNER_LOGIN_KEY", LOGIN)), Clock.systemUTC());
            try {
                measure(seconds, rates, olyx.port(), provider);
            } finally {
                olyx.close();
            }
        }
    }

    private void measure(int seconds, int[] rates, int olyxPort, FakeProviderServer provider) throws Exception {
        Target target = Target.prepare(this, olyxPort, provider.baseUrl());
        warmUp(target);
        System.out.printf(Locale.ROOT, "%-8s %-18s %9s %9s %9s %9s%n", "rate", "endpoint", "p50 ms",
                "p99 ms", "errors", "achieved");
        int highestHeld = 0;
        for (int rate : rates) {
            Stats direct = drive(rate, seconds, target::direct);
            Stats executions = drive(rate, seconds, target::execution);
            Stats chat = drive(rate, seconds, target::chatCompletion);
            print(rate, "provider direct", direct);
            print(rate, "executions", executions);
            print(rate, "chat.completions", chat);
            System.out.printf(Locale.ROOT, "%-8d added: executions p50 %+.2f ms p99 %+.2f ms; "
                            + "chat p50 %+.2f ms p99 %+.2f ms%n", rate,
                    executions.p50() - direct.p50(), executions.p99() - direct.p99(),
                    chat.p50() - direct.p50(), chat.p99() - direct.p99());
            if (executions.p99() < 50 && executions.errors() == 0) {
                highestHeld = rate;
            }
        }
        System.out.println("highest rate held with executions p99 < 50 ms: " + highestHeld + " rps");
    }

    private void warmUp(Target target) {
        drive(200, 5, target::direct);
        drive(200, 5, target::execution);
        drive(200, 5, target::chatCompletion);
    }

    /** Open loop: requests start on schedule whether or not earlier ones finished, so queueing shows up. */
    private Stats drive(int rate, int seconds, Call call) {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        List<CompletableFuture<Long>> pending = new ArrayList<>(total);
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long sent = System.nanoTime();
            pending.add(call.send().handle((status, failure) -> {
                if (failure != null || status != 200) {
                    errors.incrementAndGet();
                }
                return System.nanoTime() - sent;
            }));
        }
        long[] latencies = pending.stream().mapToLong(CompletableFuture::join).sorted().toArray();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Stats(millis(latencies, 0.50), millis(latencies, 0.99), errors.get(), total / elapsed);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void print(int rate, String name, Stats s) {
        System.out.printf(Locale.ROOT, "%-8d %-18s %9.2f %9.2f %9d %9.0f%n", rate, name, s.p50(), s.p99(), s.errors(),
                s.achievedRate());
    }

    CompletableFuture<Integer> post(String url, String bearer, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    JsonNode postJson(String url, String bearer, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private record Stats(double p50, double p99, int errors, double achievedRate) {
    }

    @FunctionalInterface
    private interface Call {
        CompletableFuture<Integer> send();
    }

    /** The provider endpoint and an Olyx project, key and trace set up for the run. */
    private record Target(GatewayOverheadBench bench, String providerUrl, String olyx, String key, String trace,
                          String executionBody, String chatBody) {
        static Target prepare(GatewayOverheadBench bench, int port, String providerBase) throws Exception {
            String olyx = "http://127.0.0.1:" + port;
            String token = bench.postJson(olyx + "/api/v1/auth/login", "", Map.of("loginKey", LOGIN))
                    .path("accessToken").asText();
            long project = bench.postJson(olyx + "/api/v1/projects", token, Map.of("name", "bench")).path("id")
                    .asLong();
            bench.postJson(olyx + "/api/v1/projects/" + project + "/models", token, Map.of("model_definition",
                    Map.of("identifier", "gpt-4o-mini", "provider", "openai", "base_url", providerBase + "/v1",
                            "api_key", "sk-bench", "input_cost_per_1k", 0.00015, "output_cost_per_1k", 0.0006)));
            HttpRequest patch = HttpRequest.newBuilder(URI.create(olyx + "/api/v1/projects/" + project))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("project",
                            Map.of("settings", Map.of("routing_tiers", Map.of("simple", "gpt-4o-mini",
                                    "complex", "gpt-4o-mini"), "loop_detection", Map.of("threshold", 0)))))))
                    .build();
            bench.http.send(patch, HttpResponse.BodyHandlers.discarding());
            String key = bench.postJson(olyx + "/api/v1/keys", token, Map.of("name", "bench", "project_id", project))
                    .path("raw_key").asText();
            String trace = bench.postJson(olyx + "/api/v1/traces", key, Map.of()).path("id").asText();
            String execution = JSON.writeValueAsString(Map.of("trace_id", trace,
                    "input", "Translate to French: Hello, world."));
            String chat = JSON.writeValueAsString(Map.of("trace_id", trace, "model", "gpt-4o-mini",
                    "messages", List.of(Map.of("role", "user", "content", "Translate to French: Hello, world."))));
            return new Target(bench, providerBase + "/v1/chat/completions", olyx, key, trace, execution, chat);
        }

        CompletableFuture<Integer> direct() {
            return bench.post(providerUrl, "sk-bench", chatBody);
        }

        CompletableFuture<Integer> execution() {
            return bench.post(olyx + "/api/v1/executions", key, executionBody);
        }

        CompletableFuture<Integer> chatCompletion() {
            return bench.post(olyx + "/api/v1/chat/completions", key, chatBody);
        }
    }
}
