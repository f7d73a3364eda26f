package io.olyx.bench.gateway;

import io.olyx.adapter.providers.ProviderGateway;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the provider client's executor costs a call: the same POSTs to the loopback fake provider, made from virtual
 * threads (as Olyx's request threads are) at a fixed arrival rate, alternating call by call between a JDK client
 * with its default executor (the answer goes selector thread, pool thread, caller) and the client Olyx shares
 * ({@link ProviderGateway#sharedHttpClient()}: selector thread, caller). Both halves see the same machine load.
 *
 * <p>Run: {@code java -cp bench/target/olyx-bench.jar io.olyx.bench.gateway.ProviderClientBench [seconds] [rates...]}
 * (default 10 s at 200 500 1000).
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
        HttpClient[] clients = {
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build(),
            ProviderGateway.sharedHttpClient()
        };
        String[] names = {"default executor", "shared client"};
        try (FakeProviderServer provider = FakeProviderServer.start()) {
            provider.captureRequests(false);
            provider.setDefault(FakeBehavior.text("Bonjour le monde.").withUsage(12, 5));
            URI uri = URI.create(provider.baseUrl() + "/v1/chat/completions");
            drive(clients, uri, 500, 10);
            System.out.printf("%-8s %-18s %8s %8s %8s%n", "rate", "client", "p50 ms", "p90 ms", "p99 ms");
            for (int rate : rates) {
                long[][] latencies = drive(clients, uri, rate, seconds);
                for (int c = 0; c < clients.length; c++) {
                    long[] sorted = latencies[c].clone();
                    Arrays.sort(sorted);
                    System.out.printf(Locale.ROOT, "%-8d %-18s %8.3f %8.3f %8.3f%n", rate, names[c],
                            at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99));
                }
            }
        }
    }

    /** Open loop: call i starts at i / rate seconds on its own virtual thread, client i % 2. */
    private static long[][] drive(HttpClient[] clients, URI uri, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long[][] latencies = new long[clients.length][total / clients.length];
        CountDownLatch done = new CountDownLatch(latencies[0].length * clients.length);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < latencies[0].length * clients.length; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpClient client = clients[i % clients.length];
            long[] into = latencies[i % clients.length];
            int slot = i / clients.length;
            Thread.ofVirtual().start(() -> {
                try {
                    client.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build(),
                            HttpResponse.BodyHandlers.ofByteArray()).get(30, TimeUnit.SECONDS);
                    into[slot] = System.nanoTime() - due;
                } catch (Exception e) {
                    into[slot] = Long.MAX_VALUE;
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return latencies;
    }

    private static double at(long[] sorted, double quantile) {
        long nanos = sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))];
        return nanos == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : nanos / 1e6;
    }
}
