package io.olyx.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** The load generator the gateway harnesses share: an HTTP client, project set-up and an open-loop driver. */
final class LoadClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

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

    /**
     * Logs in, creates a project with {@code settings}, registers {@code model} on the fake provider (OpenAI wire
     * format) and returns a fresh API key of that project.
     */
    String projectKey(String olyx, String loginKey, String providerBase, String model, Map<String, Object> settings)
            throws Exception {
        String token = postJson(olyx + "/api/v1/auth/login", "", Map.of("loginKey", loginKey)).path("accessToken")
                .asText();
        long project = postJson(olyx + "/api/v1/projects", token, Map.of("name", "bench")).path("id").asLong();
        postJson(olyx + "/api/v1/projects/" + project + "/models", token, Map.of("model_definition",
                Map.of("identifier", model, "provider", "openai", "base_url", providerBase + "/v1",
                        "api_key", "sk-bench", "input_cost_per_1k", 0.00015, "output_cost_per_1k", 0.0006)));
        HttpRequest patch = HttpRequest.newBuilder(URI.create(olyx + "/api/v1/projects/" + project))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("project",
                        Map.of("settings", settings))))).build();
        http.send(patch, HttpResponse.BodyHandlers.discarding());
        return postJson(olyx + "/api/v1/keys", token, Map.of("name", "bench", "project_id", project))
                .path("raw_key").asText();
    }

    /**
     * Open loop: requests start on schedule whether or not earlier ones finished, so queueing shows up. Several
     * calls take turns within one schedule, so each sees the same machine load; one result per call.
     */
    static Stats[] drive(int rate, int seconds, Call... calls) {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        List<List<CompletableFuture<Long>>> pending = new ArrayList<>();
        AtomicInteger[] errors = new AtomicInteger[calls.length];
        for (int c = 0; c < calls.length; c++) {
            pending.add(new ArrayList<>());
            errors[c] = new AtomicInteger();
        }
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int which = i % calls.length;
            long sent = System.nanoTime();
            pending.get(which).add(calls[which].send().handle((status, failure) -> {
                if (failure != null || status != 200) {
                    errors[which].incrementAndGet();
                }
                return System.nanoTime() - sent;
            }));
        }
        Stats[] stats = new Stats[calls.length];
        for (int c = 0; c < calls.length; c++) {
            long[] latencies = pending.get(c).stream().mapToLong(CompletableFuture::join).sorted().toArray();
            double elapsed = (System.nanoTime() - start) / 1e9;
            stats[c] = new Stats(millis(latencies, 0.50), millis(latencies, 0.99), errors[c].get(),
                    latencies.length / elapsed);
        }
        return stats;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    record Stats(double p50, double p99, int errors, double achievedRate) {
        void print(int rate, String name) {
            System.out.printf(Locale.ROOT, "%-8d %-18s %9.2f %9.2f %9d %9.0f%n", rate, name, p50, p99, errors,
                    achievedRate);
        }
    }

    @FunctionalInterface
    interface Call {
        CompletableFuture<Integer> send();
    }

    /** A call that blocks, made on a virtual thread of its own as Olyx's request threads are; done when it returns. */
    static Call onVirtualThread(Callable<Integer> blocking) {
        return () -> {
            CompletableFuture<Integer> status = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    status.complete(blocking.call());
                } catch (Exception e) {
                    status.completeExceptionally(e);
                }
            });
            return status;
        };
    }
}
