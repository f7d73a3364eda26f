package io.olyx.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A loopback HTTP server standing in for a protocol function's callback (or an instruction source). */
final class CallbackServer implements AutoCloseable {
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }
    }

    record Answer(int status, String body, Duration delay, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<String, Answer>> answers = new ConcurrentHashMap<>();

    private CallbackServer(HttpServer server) {
        this.server = server;
    }

    static CallbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CallbackServer callbacks = new CallbackServer(server);
            server.createContext("/", callbacks::handle);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return callbacks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    CallbackServer answer(String path, int status, String body) {
        return answer(path, status, body, Duration.ZERO);
    }

    CallbackServer answer(String path, int status, String body, Duration delay) {
        Answer answer = new Answer(status, body, delay, Map.of());
        answers.put(path, request -> answer);
        return this;
    }

    /** Answers each request from its body (e.g. a JSON-RPC server). */
    CallbackServer respond(String path, Function<String, Answer> responder) {
        answers.put(path, responder);
        return this;
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.getOrDefault(path, r -> new Answer(404, "no such callback", Duration.ZERO, Map.of()))
                .apply(body);
        try {
            Thread.sleep(answer.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
