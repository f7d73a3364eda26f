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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
 * instead of starting one in this JVM. With {@code -Dolyx.implicitTraces=true} the chat completions name no
 * trace, as an unmodified OpenAI client's do, so each opens its own and writes it complete with its step (executions
 * always name one: the seed requires it).
 */
public final class GatewayOverheadBench {
    private static final String LOGIN = "lk_bench_owner_login_key_000001";
    private static final String MODEL = "gpt-4o-mini";
    private static final int WARM_UP_RATE = 500;
    private static final int WARM_UP_SECONDS = 15;

    private final LoadClient client = new LoadClient();

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
            Path data = ScratchDir.create("olyx-bench");
            Map<String, String> env = new HashMap<>();
            System.getenv().forEach((name, value) -> {
                if (name.startsWith("OLYX_")) {
                    env.put(name, value);
                }
            });
            env.putAll(Map.of("OLYX_PORT", "0", "OLYX_HOST", "127.0.0.1", "OLYX_DATA_DIR", data.toString(),
                    "OLYX_OWNER_LOGIN_KEY", LOGIN));
            Olyx olyx = Olyx.start(ConfigLoader.from(env), Clock.systemUTC());
            try {
                measure(seconds, rates, olyx.port(), provider);
            } finally {
                olyx.close();
            }
        }
    }

    private void measure(int seconds, int[] rates, int olyxPort, FakeProviderServer provider) throws Exception {
        Target target = Target.prepare(client, olyxPort, provider.baseUrl());
        warmUp(target);
        System.out.printf(Locale.ROOT, "%-8s %-18s %9s %9s %9s %9s%n", "rate", "endpoint", "p50 ms",
                "p99 ms", "errors", "achieved");
        int highestHeld = 0;
        for (int rate : rates) {
            Stats direct = LoadClient.drive(rate, seconds, target::direct)[0];
            Stats executions = LoadClient.drive(rate, seconds, target::execution)[0];
            Stats chat = LoadClient.drive(rate, seconds, target::chatCompletion)[0];
            direct.print(rate, "provider direct");
            executions.print(rate, "executions");
            chat.print(rate, "chat.completions");
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

    /**
     * 1,000 calls of each kind at 200 rps, then {@value #WARM_UP_SECONDS} s of each kind at {@value #WARM_UP_RATE}
     * rps, the rate the target is set at. Without the second part the first measured round still ran C2
     * compilations (the process used 1.9 of its 2 cores instead of 1.1 in later rounds) and its p99 was several
     * times that of the same round repeated.
     */
    private static void warmUp(Target target) {
        LoadClient.drive(200, 15, target::direct, target::execution, target::chatCompletion);
        List<LoadClient.Call> kinds = List.of(target::direct, target::execution, target::chatCompletion);
        for (LoadClient.Call call : kinds) {
            LoadClient.drive(WARM_UP_RATE, WARM_UP_SECONDS, call);
        }
    }

    /** The provider endpoint and an Olyx project, key and trace set up for the run. */
    private record Target(LoadClient client, String providerUrl, String olyx, String key, String executionBody,
                          String chatBody) {
        static Target prepare(LoadClient client, int port, String providerBase) throws Exception {
            String olyx = "http://127.0.0.1:" + port;
            String key = client.projectKey(olyx, LOGIN, providerBase, MODEL, Map.of("routing_tiers",
                    Map.of("simple", MODEL, "complex", MODEL), "loop_detection", Map.of("threshold", 0)));
            Map<String, Object> execution = new HashMap<>(Map.of("input", "Translate to French: Hello, world."));
            Map<String, Object> chat = new HashMap<>(Map.of("model", MODEL,
                    "messages", List.of(Map.of("role", "user", "content", "Translate to French: Hello, world."))));
            String trace = client.postJson(olyx + "/api/v1/traces", key, Map.of()).path("id").asText();
            execution.put("trace_id", trace);
            if (!Boolean.getBoolean("olyx.implicitTraces")) {
                chat.put("trace_id", trace);
            }
            return new Target(client, providerBase + "/v1/chat/completions", olyx, key,
                    LoadClient.JSON.writeValueAsString(execution), LoadClient.JSON.writeValueAsString(chat));
        }

        CompletableFuture<Integer> direct() {
            return client.post(providerUrl, "sk-bench", chatBody);
        }

        CompletableFuture<Integer> execution() {
            return client.post(olyx + "/api/v1/executions", key, executionBody);
        }

        CompletableFuture<Integer> chatCompletion() {
            return client.post(olyx + "/api/v1/chat/completions", key, chatBody);
        }
    }
}
