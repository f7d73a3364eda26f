package io.olyx.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests released together, spread over one or more nodes in turn, as a fleet of clients racing would send them. */
final class AtOnce {
    private AtOnce() {
    }

    /** One request a racing client sends: the i-th, through {@code client}. */
    interface Call {
        ApiClient.Response send(ApiClient client, int i);
    }

    /** {@code requests} POSTs of {@code body(i)} to {@code path}, the i-th through {@code clients[i % size]}. */
    static List<ApiClient.Response> post(List<ApiClient> clients, String path, IntFunction<Object> body, int requests)
            throws InterruptedException, ExecutionException {
        return send(clients, requests, (client, i) -> client.post(path, body.apply(i)));
    }

    /** {@code requests} calls released together, the i-th through {@code clients[i % size]}. */
    static List<ApiClient.Response> send(List<ApiClient> clients, int requests, Call call)
            throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                ApiClient client = clients.get(i % clients.size());
                int index = i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return call.send(client, index);
                }));
            }
            start.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        }
    }
}
