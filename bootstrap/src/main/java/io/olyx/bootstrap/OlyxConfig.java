package io.olyx.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Everything Olyx can be configured with, read once at start from OLYX_* variables (see README.md). */
public record OlyxConfig(Server server, Storage storage, Security security, Rag rag, Gateways gateways) {
    public OlyxConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(rag, "rag");
        Objects.requireNonNull(gateways, "gateways");
    }

    /**
     * {@code maxUploadBytes} bounds the JSONL uploads (documents, skills); every other body {@code maxBodyBytes}.
     * {@code idleTimeout} is how long a request's reads or writes may stall.
     */
    public record Server(String host, int port, long maxBodyBytes, long maxUploadBytes, Duration idleTimeout) {
    }

    /** An empty databaseUrl means the embedded H2 file in the data directory. */
    public record Storage(Path dataDir, Optional<String> databaseUrl, String databaseUser, String databasePassword,
                          int databasePoolSize) {
    }

    public record Security(Optional<String> masterKey, Optional<String> ownerLoginKey, Duration keyCacheTtl,
                           int loginAttemptsPerMinute) {
    }

    /**
     * RAG indexing: documents per indexing job (one embedder call each), and the threads the embedding model may
     * use (0: one per core).
     */
    public record Rag(int indexBatchSize, int embedderThreads) {
    }

    /**
     * AI gateways: which non-public hosts their outbound calls may reach (OLYX_OUTBOUND_ALLOW, e.g.
     * "127.0.0.1,localhost:8080,10.0.0.0/8"; empty blocks every loopback and private address), how long a
     * protocol-function callback may take, and how often a quiet /v1 stream is pinged.
     */
    public record Gateways(String outboundAllow, Duration callbackTimeout, Duration ssePingInterval) {
    }
}
