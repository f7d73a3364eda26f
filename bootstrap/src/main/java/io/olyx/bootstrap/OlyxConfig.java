package io.olyx.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Everything Olyx can be configured with, read once at start from OLYX_* variables (see README.md). */
public record OlyxConfig(Server server, Storage storage, Security security, Rag rag) {
    public OlyxConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(rag, "rag");
    }

    public record Server(String host, int port, long maxBodyBytes) {
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
}
