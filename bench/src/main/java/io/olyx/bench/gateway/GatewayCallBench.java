package io.olyx.bench.gateway;

import io.olyx.bench.ScratchDir;
import io.olyx.bench.gateway.LoadClient.Stats;
import io.olyx.bootstrap.ConfigLoader;
import io.olyx.bootstrap.Olyx;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private static final String LOGIN = "lk_bench_owner_login_key_000002";
    private static final String MODEL = "gpt-4o-mini";

    private final LoadClient client = new LoadClient();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] rates = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {20, 50, 100};
        new GatewayCallBench().run(seconds, rates);
    }

    private void run(int seconds, int[] rates) throws Exception {
        Path data = ScratchDir.create("olyx-bench");
        try (FakeProviderServer provider = FakeProviderServer.start()) {
            provider.captureRequests(false);
            provider.setDefault(FakeBehavior.text("Bonjour le monde.").withUsage(40, 5));
            Olyx olyx = Olyx.start(ConfigLoader.from(Map.of("OLYX_PORT", "0", "OLYX_HOST", "127.0.0.1",
                    "OLYX_DATA_DIR", data.toString(), "OLYX_OWNER_LOGIN_KEY", LOGIN)), Clock.systemUTC());
            try {
                String base = "http://127.0.0.1:" + olyx.port();
                String key = client.projectKey(base, LOGIN, provider.baseUrl(), MODEL,
                        Map.of("loop_detection", Map.of("threshold", 0)));
                String gateway = client.postJson(base + "/api/v1/ai-gateways", key, Map.of("name", "Bench gateway",
                        "parameters", Map.of("modelName", MODEL, "temperature", 0.2, "systemInstruction",
                                "You are a translation assistant. Answer with the translation only.",
                                "skills", List.of(client.postJson(base + "/api/v1/skills", key, Map.of("slug", "french",
                                        "instructions", "Prefer European French spellings.")).path("id").asText()))))
                        .path("aiGatewayId").asText();
                String plainBody = body(MODEL);
                String gatewayBody = body(gateway);
                String url = base + "/v1/chat/completions";
                LoadClient.drive(50, 5, () -> client.post(url, key, plainBody),
                        () -> client.post(url, key, gatewayBody));
                System.out.printf(Locale.ROOT, "%-8s %-18s %9s %9s %9s %9s%n", "rate", "model", "p50 ms", "p99 ms",
                        "errors", "achieved");
                for (int rate : rates) {
                    Stats[] both = LoadClient.drive(rate, seconds, () -> client.post(url, key, plainBody),
                            () -> client.post(url, key, gatewayBody));
                    both[0].print(rate, "registered model");
                    both[1].print(rate, "AI gateway");
                    System.out.printf(Locale.ROOT, "%-8d added by the gateway: p50 %+.2f ms p99 %+.2f ms%n", rate,
                            both[1].p50() - both[0].p50(), both[1].p99() - both[0].p99());
                }
            } finally {
                olyx.close();
            }
        }
    }

    private static String body(String model) throws Exception {
        return LoadClient.JSON.writeValueAsString(Map.of("model", model, "messages", List.of(Map.of("role", "user",
                "content", "Translate to French: Hello, world."))));
    }
}
