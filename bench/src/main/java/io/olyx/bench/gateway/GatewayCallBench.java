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
 * What an AI gateway adds to a call: the same conversation at fixed arrival rates (open loop) through
 * POST /v1/chat/completions naming a registered model (the plain call) and naming an AI gateway on that model
 * (system instructions, a skill, sampling defaults; no knowledge collection, no tools), with durable tracing on.
 * Reports p50/p99 of both and the difference: the gateway lookup, prompt assembly and the larger prompt's
 * guardrail scan and token count.
 *
 * <p>Run: {@code mvn -q -Pbench -DskipTests package -pl bench -am} then
 * {@code java --enable-native-access=ALL-UNNAMED -cp bench/target/olyx-bench.jar
 * io.olyx.bench.gateway.GatewayCallBench [seconds-per-rate] [rates...]} (default 10 s at 20 50 100 total requests per second, alternating).
 */
public final class GatewayCallBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGIN = "lk_bench_owner_login_key_000002";
    private static final String MODEL = "gpt-4o-mini";

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] rates = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {20, 50, 100};
        new GatewayCallBench().run(seconds, rates);
    }

    private void run(int seconds, int[] rates) throws Exception {
        Path data = Files.createTempDirectory("olyx-bench");
        try (FakeProviderServer provider = FakeProviderServer.start()) {
            provider.captureRequests(false);
            provider.setDefault(FakeBehavior.text("Bonjour le monde.").withUsage(40, 5));
            Olyx olyx = Olyx.start(ConfigLoader.from(Map.of("OLYX_PORT", "0", "OLYX_HOST", "127.0.0.1",
                    "OLYX_DATA_DIR", data.toString(), "OLYX_OWNER_LOGIN_KEY", LOGIN)), Clock.systemUTC());
            try {
                String base = "http://127.0.0.1:" + olyx.port();
                String key = prepare(base, provider.baseUrl());
                String gateway = postJson(base + "/api/v1/ai-gateways", key, Map.of("name", "Bench gateway",
                        "parameters", Map.of("modelName", MODEL, "temperature", 0.2, "systemInstruction",
                                "You are a translation assistant. Answer with the translation only.",
                                "skills", List.of(postJson(base + "/api/v1/skills", key, Map.of("slug", "french",
                                        "instructions", "Prefer European French spellings.")).path("id").asText()))))
                        .path("aiGatewayId").asText();
                String plainBody = body(MODEL);
                String gatewayBody = body(gateway);
                String url = base + "/v1/chat/completions";
                drive(50, 5, () -> post(url, key, plainBody), () -> post(url, key, gatewayBody));
                System.out.printf(Locale.ROOT, "%-8s %-18s %9s %9s %9s %9s%n", "rate", "model", "p50 ms", "p99 ms",
                        "errors", "achieved");
                for (int rate : rates) {
                    Stats[] both = drive(rate, seconds, () -> post(url, key, plainBody),
                            () -> post(url, key, gatewayBody));
                    print(rate, "registered model", both[0]);
                    print(rate, "AI gateway", both[1]);
                    System.out.printf(Locale.ROOT, "%-8d added by the gateway: p50 %+.2f ms p99 %+.2f ms%n", rate,
                            both[1].p50() - both[0].p50(), both[1].p99() - both[0].p99());
                }
            } finally {
                olyx.close();
            }
        }
    }

    private static String body(String model) throws Exception {
        return JSON.writeValueAsString(Map.of("model", model, "messages", List.of(Map.of("role", "user",
                "content", "Translate to French: Hello, world."))));
    }

    /** A project with the fake provider's model registered, and an API key for it. */
    private String prepare(String olyx, String providerBase) throws Exception {
        String token = postJson(olyx + "/api/v1/auth/login", "", Map.of("loginKey", LOGIN)).path("accessToken")
                .asText();
        long project = postJson(olyx + "/api/v1/projects", token, Map.of("name", "bench")).path("id").asLong();
        postJson(olyx + "/api/v1/projects/" + project + "/models", token, Map.of("model_definition",
                Map.of("identifier", MODEL, "provider", "openai", "base_url", providerBase + "/v1",
                        "api_key", "sk-bench", "input_cost_per_1k", 0.00015, "output_cost_per_1k", 0.0006)));
        HttpRequest patch = HttpRequest.newBuilder(URI.create(olyx + "/api/v1/projects/" + project))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("project",
                        Map.of("settings", Map.of("loop_detection", Map.of("threshold", 0)))))))
                .build();
        http.send(patch, HttpResponse.BodyHandlers.discarding());
        return postJson(olyx + "/api/v1/keys", token, Map.of("name", "bench", "project_id", project))
                .path("raw_key").asText();
    }

    /**
     * Open loop: requests start on schedule whether or not earlier ones finished, so queueing shows up. The two
     * calls alternate within one schedule, so both see the same machine load (the machine is shared).
     */
    private Stats[] drive(int rate, int seconds, Call plain, Call gateway) {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        List<List<CompletableFuture<Long>>> pending = List.of(new ArrayList<>(), new ArrayList<>());
        AtomicInteger[] errors = {new AtomicInteger(), new AtomicInteger()};
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int which = i % 2;
            long sent = System.nanoTime();
            pending.get(which).add((which == 0 ? plain : gateway).send().handle((status, failure) -> {
                if (failure != null || status != 200) {
                    errors[which].incrementAndGet();
                }
                return System.nanoTime() - sent;
            }));
        }
        Stats[] stats = new Stats[2];
        for (int w = 0; w < 2; w++) {
            long[] latencies = pending.get(w).stream().mapToLong(CompletableFuture::join).sorted().toArray();
            double elapsed = (System.nanoTime() - start) / 1e9;
            stats[w] = new Stats(millis(latencies, 0.50), millis(latencies, 0.99), errors[w].get(),
                    latencies.length / elapsed);
        }
        return stats;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void print(int rate, String name, Stats s) {
        System.out.printf(Locale.ROOT, "%-8d %-18s %9.2f %9.2f %9d %9.0f%n", rate, name, s.p50(), s.p99(), s.errors(),
                s.achievedRate());
    }

    private CompletableFuture<Integer> post(String url, String bearer, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private JsonNode postJson(String url, String bearer, Object body) throws Exception {
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
}
