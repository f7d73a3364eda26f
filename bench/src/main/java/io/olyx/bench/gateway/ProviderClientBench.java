package io.olyx.bench.gateway;

import io.olyx.adapter.providers.ProviderGateway;
import io.olyx.bench.gateway.LoadClient.Call;
import io.olyx.bench.gateway.LoadClient.Stats;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What the provider client's executor costs a call: the same POSTs to the loopback fake provider, made from virtual
 * threads (as Olyx's request threads are) at a fixed arrival rate, alternating call by call between a JDK client
 * with its default executor (the answer goes selector thread, pool thread, caller) and the client Olyx shares
 * ({@link ProviderGateway#sharedHttpClient()}: selector thread, caller). Both halves see the same machine load.
 *
 * <p>Run: {@code java -cp bench/target/olyx-bench.jar io.olyx.bench.gateway.ProviderClientBench [seconds] [rates...]}
 * (default 10 s at 200 500 1000, after 10 s at 500).
 */
public final class ProviderClientBench {
    private static final byte[] BODY = """
            {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Translate to French: Hello, world."}]}"""
            .getBytes();

    private ProviderClientBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] rates = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {200, 500, 1000};
        try (FakeProviderServer provider = FakeProviderServer.start()) {
            provider.captureRequests(false);
            provider.setDefault(FakeBehavior.text("Bonjour le monde.").withUsage(12, 5));
            URI uri = URI.create(provider.baseUrl() + "/v1/chat/completions");
            Call defaultExecutor = post(HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build(), uri);
            Call sharedClient = post(ProviderGateway.sharedHttpClient(), uri);
            LoadClient.drive(500, 10, defaultExecutor, sharedClient);
            System.out.printf("%-8s %-18s %9s %9s %9s %9s%n", "rate", "client", "p50 ms", "p99 ms", "errors",
                    "achieved");
            for (int rate : rates) {
                Stats[] stats = LoadClient.drive(rate, seconds, defaultExecutor, sharedClient);
                stats[0].print(rate, "default executor");
                stats[1].print(rate, "shared client");
            }
        }
    }

    private static Call post(HttpClient client, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
        return LoadClient.onVirtualThread(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .get(30, TimeUnit.SECONDS).statusCode());
    }
}
