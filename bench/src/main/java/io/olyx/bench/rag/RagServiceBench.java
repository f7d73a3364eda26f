package io.olyx.bench.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.adapter.search.LuceneSearchIndex;
import io.olyx.bench.ScratchDir;
import io.olyx.bootstrap.ConfigLoader;
import io.olyx.bootstrap.Olyx;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The RAG service end to end, as a client sees it: starts the real server (H2, Lucene, the bundled model) on a
 * temporary data directory, uploads the 5,183 SciFact short passages ({@link ShortPassages}) as one JSONL upload,
 * and times from the upload until the collection state says every document is indexed (the durable jobs,
 * embedding, Lucene writes and state updates included). Then runs the 300 SciFact queries through
 * {@code POST /api/v1/query} (top 10, each reranker, query embedding included) and prints p50/p99 latency measured
 * by the client, once the index has been left alone long enough to settle (its idle merge). Process CPU time is
 * printed beside wall time, because on a shared machine the wall clock also counts other people's work. Queries go
 * through a synchronous client ({@link BlockingHttp}), after 600 calls of {@code GET /up} that show what HTTP alone
 * takes; {@code --jdk-client} sends them through the JDK's asynchronous {@code HttpClient} instead, as the tables
 * before 2026-11-24 16:00 UTC did. Args: {@code [--n N] [--batch DOCS_PER_JOB] [--threads EMBEDDER_THREADS]
 * [--no-queries] [--jdk-client]}.
 * With {@code -Dolyx.port=N} it drives an Olyx already running on that loopback port instead (the real jar in its
 * own process, e.g. {@code bin/olyx}, started with {@code OLYX_OWNER_LOGIN_KEY=lk_bench_owner_login_key_0001} on a
 * fresh data directory); the batch and thread options are then the server's own settings to make.
 */
public final class RagServiceBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LOGIN = "lk_bench_owner_login_key_0001";
    private static boolean jdkClient;

    private RagServiceBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = 5183;
        boolean queries = true;
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--batch" -> env.put("OLYX_RAG_INDEX_BATCH", args[++i]);
                case "--threads" -> env.put("OLYX_EMBEDDER_THREADS", args[++i]);
                case "--no-queries" -> queries = false;
                case "--jdk-client" -> jdkClient = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        SciFactData data = SciFactData.load(SciFactData.DEFAULT_DIR);
        List<ShortPassages.Passage> passages = ShortPassages.of(data).subList(0, n);
        Integer external = Integer.getInteger("olyx.port");
        if (external != null) {
            run("http://127.0.0.1:" + external, data, passages, queries, false);
            return;
        }
        Path dataDir = ScratchDir.create("olyx-rag-bench");
        env.putAll(Map.of("OLYX_HOST", "127.0.0.1", "OLYX_PORT", "0", "OLYX_DATA_DIR", dataDir.toString(),
                "OLYX_OWNER_LOGIN_KEY", LOGIN));
        long started = System.nanoTime();
        try (Olyx olyx = Olyx.start(ConfigLoader.from(env), Clock.systemUTC())) {
            SciFactBench.out("server started in %d ms", (System.nanoTime() - started) / 1_000_000);
            run("http://127.0.0.1:" + olyx.port(), data, passages, queries, true);
        }
    }

    /** CPU, GC and allocation figures are this JVM's, so they say something only when the server runs here. */
    private static void run(String base, SciFactData data, List<ShortPassages.Passage> passages, boolean queries,
                            boolean serverHere) throws Exception {
        int n = passages.size();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String key = apiKey(base);
        String collection = send(base, key, "POST", "/api/v1/collections",
                JSON.writeValueAsString(Map.of("collectionName", "scifact-short")), "application/json")
                .path("collectionId").asText();
        String jsonl = passages.stream().map(p -> line(p)).collect(Collectors.joining("\n"));
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        JsonNode upload = send(base, key, "POST", "/api/v1/collections/" + collection + "/documents", jsonl,
                "application/jsonl");
        double uploadSeconds = (System.nanoTime() - t0) / 1e9;
        awaitIndexed(base, key, collection, n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        SciFactBench.out("upload answered in %.2f s (%s); all %d indexed after %.1f s = %.1f docs/s; load average %.1f",
                uploadSeconds, upload, n, seconds, n / seconds, os.getSystemLoadAverage());
        if (serverHere) {
            SciFactBench.out("process CPU %.1f s = %.1f docs per CPU-second (x2 cores = %.1f docs/s); CPU seconds by"
                    + " thread: %s", cpu, n / cpu, 2 * n / cpu, ThreadCpu.byName());
        }
        if (queries) {
            // queries are timed on the collection at rest: an index merges into one segment once idle this long
            long settle = LuceneSearchIndex.MERGE_WHEN_IDLE_FOR.toSeconds() + 20;
            SciFactBench.out("waiting %d s for the index to settle before timing queries", settle);
            Thread.sleep(settle * 1000);
        }
        if (queries) {
            httpFloor(base);
        }
        for (String reranker : queries ? List.of("none", "lexical", "smart") : List.<String>of()) {
            queryLatency(base, key, collection, data, reranker, serverHere);
        }
    }

    private static void queryLatency(String base, String key, String collection, SciFactData data, String reranker,
                                     boolean serverHere) throws Exception {
        long[] nanos = new long[data.queries().size()];
        GcActivity before = null;
        for (int pass = 0; pass < 2; pass++) {
            before = GcActivity.now();
            for (int i = 0; i < nanos.length; i++) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("terms", List.of(data.queries().get(i).text()));
                body.put("collections", List.of(collection));
                body.put("top", 10);
                body.put("reranker", reranker);
                String text = JSON.writeValueAsString(body);
                long t = System.nanoTime();
                if (jdkClient) {
                    send(base, key, "POST", "/api/v1/query", text, "application/json");
                } else {
                    BlockingHttp.post(base + "/api/v1/query", key, text);
                }
                nanos[i] = System.nanoTime() - t;
            }
        }
        SciFactBench.out("POST /api/v1/query, 5k documents, top 10, reranker %-7s: p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms (second pass of 300 queries%s)", reranker, Metrics.percentile(nanos, 50),
                Metrics.percentile(nanos, 99), Metrics.percentile(nanos, 100),
                serverHere ? "; " + GcActivity.now().since(before, nanos.length) : "");
    }

    /** The same client's round trip to a route that does nothing: what HTTP and the thread hand-offs cost here. */
    private static void httpFloor(String base) throws Exception {
        long[] nanos = new long[600];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            if (jdkClient) {
                send(base, null, "GET", "/up", null, null);
            } else {
                BlockingHttp.get(base + "/up");
            }
            nanos[i] = System.nanoTime() - t;
        }
        SciFactBench.out("GET /up (%s client): p50 %.2f ms, p99 %.2f ms", jdkClient ? "JDK HttpClient" : "blocking",
                Metrics.percentile(nanos, 50), Metrics.percentile(nanos, 99));
    }

    private static String line(ShortPassages.Passage p) {
        try {
            return JSON.writeValueAsString(Map.of("docId", p.id(), "text", p.text()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitIndexed(String base, String key, String collection, int n) throws Exception {
        while (true) {
            JsonNode state = send(base, key, "GET", "/api/v1/collections/" + collection, null, null).path("state");
            if (state.path("indexed").asInt() >= n) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    private static String apiKey(String base) throws Exception {
        String session = send(base, null, "POST", "/api/v1/auth/login",
                "{\"loginKey\":\"" + LOGIN + "\"}", "application/json").path("accessToken").asText();
        long project = send(base, session, "GET", "/api/v1/projects", null, null).get(0).path("id").asLong();
        return send(base, session, "POST", "/api/v1/keys", JSON.writeValueAsString(Map.of("name", "bench",
                "project_id", project)), "application/json").path("raw_key").asText();
    }

    private static JsonNode send(String base, String bearer, String method, String path, String body,
                                 String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
