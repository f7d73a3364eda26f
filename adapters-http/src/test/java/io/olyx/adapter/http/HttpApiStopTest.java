package io.olyx.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request that outlives the stop's grace period (a model stream still running when the server is told to stop)
 * has its connection closed, and the stop itself succeeds: a shutdown must go on to drain steps into the database.
 */
class HttpApiStopTest {

    @Test
    void aRequestRunningPastTheGracePeriodIsCutOffWithoutFailingTheStop() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpApi api = new HttpApi(new HttpSettings("127.0.0.1", 0, 1 << 20, 1 << 20, Duration.ofSeconds(30)),
                List.of(app -> app.get("/slow", ctx -> {
                    entered.countDown();
                    release.await();
                    ctx.result("too late");
                })));
        api.start();
        try {
            CompletableFuture<HttpResponse<String>> pending = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatCode(api::close).doesNotThrowAnyException();

            assertThat(pending).failsWithin(Duration.ofSeconds(10));
        } finally {
            release.countDown();
        }
    }
}
