package io.olyx.bootstrap.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scriptable stand-in for an Olyx server on loopback (JDK HttpServer): each "METHOD /path" answers from a script
 * of responses, the last one repeating, and every request is recorded with its headers. Serves a valid policy at
 * GET /api/v1/config unless told otherwise. Used for what a real Olyx will not do on demand: 503s, slow answers,
 * odd policies, and the replay endpoints before they exist.
 */
public final class FakeOlyx implements AutoCloseable {
    public static final String KEY = "ak_0123456789abcdef.0123456789abcdef0123456789abcdef";

    record Answer(int status, String body, Map<String, String> headers, Duration delay) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of(), Duration.ZERO);
        }

        Answer header(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, delay);
        }

        Answer after(Duration wait) {
            return new Answer(status, body, headers, wait);
        }
    }

    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private FakeOlyx() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        config(policy("public", false, 10000));
    }

    static FakeOlyx start() {
        try {
            return new FakeOlyx();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeOlyx on(String method, String path, Answer... answers) {
        scripts.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    FakeOlyx config(String policyJson) {
        return on("GET", "/api/v1/config", Answer.json(200, policyJson));
    }

    static String policy(String telemetryMode, boolean localRefRequired, int maxInputLength) {
        return """
                {"offline_testing": false,
                 "guardrails": {"max_input_length": %d, "pii_threshold": 0.7, "injection_block": true,
                                "secret_action": "alert"},
                 "distribution": {"project_id": 7, "distribution_channel": "cli", "telemetry_mode": "%s",
                                  "payload_storage_mode": "cloud_anonymized", "payload_retained": true,
                                  "replay_execution_mode": "cloud", "secrets_boundary": "customer_environment",
                                  "cloud_payloads": true, "local_ref_required": %s},
                 "a_field_from_the_future": {"ignored": true}}
                """.formatted(maxInputLength, telemetryMode, localRefRequired);
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    List<Recorded> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Recorded(exchange.getRequestMethod(), path,
                    String.valueOf(exchange.getRequestURI().getRawQuery()), Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Answer answer = next(exchange.getRequestMethod() + " " + path);
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", answer.headers()
                    .getOrDefault("Content-Type", "application/json"));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer next(String route) {
        Deque<Answer> script = scripts.get(route);
        if (script == null) {
            return Answer.json(404, "{\"error\":\"Not found\",\"code\":\"not_found\",\"request_id\":\"req_fake\"}");
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
