package io.olyx.bootstrap.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Sends a request and retries it by {@link RetryPolicy}, resending the identical request each time. */
final class RetryingClient {
    @FunctionalInterface
    interface Exchange {
        ApiResponse exchange(ApiRequest request) throws IOException, InterruptedException;
    }

    private final HttpTransport transport;
    private final RetryPolicy policy;
    private final CliRuntime runtime;
    private final Consumer<String> notes;

    RetryingClient(HttpTransport transport, RetryPolicy policy, CliRuntime runtime, Consumer<String> notes) {
        this.transport = transport;
        this.policy = policy;
        this.runtime = runtime;
        this.notes = notes;
    }

    Reply send(ApiRequest request) {
        return retrying(request, transport::send);
    }

    Reply open(ApiRequest request) {
        return retrying(request, transport::open);
    }

    private Reply retrying(ApiRequest request, Exchange exchange) {
        for (int attempt = 1; ; attempt++) {
            Reply reply = once(request, exchange, attempt);
            Optional<Duration> retryAfter = Optional.empty();
            String why;
            switch (reply) {
                case Reply.Answered answered -> {
                    ApiResponse response = answered.response();
                    if (!RetryPolicy.retryable(response.status(), request.idempotencyKey().isPresent())) {
                        return reply;
                    }
                    retryAfter = response.retryAfter().flatMap(h -> RetryAfter.parse(h, runtime.clock().instant()));
                    why = "HTTP " + response.status();
                }
                case Reply.Unreachable unreachable -> why = unreachable.reason();
            }
            if (attempt > policy.maxRetries()) {
                return reply;
            }
            Optional<Duration> delay = policy.delay(attempt, retryAfter, runtime.jitter().getAsDouble());
            if (delay.isEmpty()) {
                return reply;
            }
            notes.accept(why + " from " + request.method() + " " + pathOnly(request) + "; retry " + attempt + "/"
                    + policy.maxRetries() + " in " + delay.get().toMillis() + " ms");
            runtime.pause(delay.get());
        }
    }

    private static Reply once(ApiRequest request, Exchange exchange, int attempt) {
        try {
            return new Reply.Answered(exchange.exchange(request));
        } catch (IOException e) {
            return new Reply.Unreachable(describe(e), attempt);
        } catch (InterruptedException e) {
            throw CliFailure.interrupted();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Query strings can carry the prompt (executions/stream); notes never repeat it. */
    private static String pathOnly(ApiRequest request) {
        int query = request.path().indexOf('?');
        return query < 0 ? request.path() : request.path().substring(0, query);
    }
}
