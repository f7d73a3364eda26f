package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that stops sending its body part way (a Content-Length it never reaches, a chunk it never finishes)
 * gets a 408 in the error shape once the idle timeout passes, here shortened to a second, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StalledBodyEndToEndTest {
    @TempDir
    static Path dataDir;

    RunningOlyx olyx;
    RawHttp raw;
    RunningOlyx.Tenant tenant;

    @BeforeAll
    void start() {
        olyx = RunningOlyx.start(dataDir, Map.of("OLYX_IDLE_TIMEOUT_SECONDS", "1"));
        raw = new RawHttp(olyx.port());
        tenant = olyx.newTenant(olyx.owner(), "Stalled");
    }

    @AfterAll
    void stop() {
        olyx.close();
    }

    @Test
    void aBodyThatStopsShortOfItsContentLengthTimesOutWith408() {
        byte[] partOfTheBody = "{\"metadata\":".getBytes(StandardCharsets.UTF_8);
        assertError(raw.postFramed("/api/v1/traces", tenant.rawKey(), "application/json", "Content-Length: 100",
                partOfTheBody), 408, "request_timeout");
        assertThat(traceCount()).isZero();
    }

    @Test
    void aChunkedBodyThatStopsMidChunkTimesOutWith408() {
        byte[] halfAChunk = "20\r\n{\"metadata\":".getBytes(StandardCharsets.ISO_8859_1);
        assertError(raw.postFramed("/api/v1/traces", tenant.rawKey(), "application/json",
                "Transfer-Encoding: chunked", halfAChunk), 408, "request_timeout");
        assertThat(traceCount()).isZero();
    }

    private long traceCount() {
        return tenant.client().get("/api/v1/traces").json().path("total").asLong();
    }
}
