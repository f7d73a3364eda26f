package io.olyx.bootstrap;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The server's OLYX_* environment variables, each with its default and meaning: {@link ConfigLoader} reads them,
 * {@code serve --help} lists them, and a start warns of an OLYX_* variable that is none of them (a typo such as
 * OLYX_PROT would otherwise be ignored without a word).
 */
enum Setting {
    PORT("4000", "HTTP port (0 picks a free one)"),
    HOST("0.0.0.0", "interface to listen on"),
    DATA_DIR("olyx-data", "H2 database, Lucene indexes, master key file"),
    DATABASE_URL(null, "PostgreSQL JDBC URL instead of the embedded H2, e.g. jdbc:postgresql://db:5432/olyx"),
    DATABASE_USER(null, "PostgreSQL user"),
    DATABASE_PASSWORD(null, "PostgreSQL password"),
    DATABASE_POOL_SIZE("16", "database connection pool size"),
    MASTER_KEY(null, "base64 of >= 32 random bytes; else master.key in the data directory (back it up)"),
    OWNER_LOGIN_KEY(null, "the owner's login key on first start (else a random one, printed once)"),
    MAX_BODY_BYTES("8388608", "largest request body accepted (413 above)"),
    MAX_UPLOAD_BYTES("33554432", "largest JSONL upload accepted (413 above)"),
    IDLE_TIMEOUT_SECONDS("30", "how long a request body may stall before 408"),
    KEY_CACHE_SECONDS("5", "how long another node's key change can take to be seen here"),
    LOGIN_ATTEMPTS_PER_MINUTE("10", "login attempts per remote address per minute"),
    RAG_INDEX_BATCH("256", "documents per RAG indexing job"),
    EMBEDDER_THREADS("0", "threads the embedding model may use for indexing (0: one per core)"),
    OUTBOUND_ALLOW(null, "hosts, addresses or CIDR ranges AI-gateway callbacks may reach although internal"),
    CALLBACK_TIMEOUT_SECONDS("15", "how long a protocol function callback or MCP tool call may take"),
    SSE_PING_MS("5000", "interval of ': ping' comments on a quiet /v1/chat/completions stream"),
    LOG_LEVEL("INFO", "log level (read by the logging configuration)");

    /** OLYX_* variables that are not the server's: the command-line client's and bin/olyx's own. */
    private static final Set<String> NOT_SERVER_SETTINGS = Set.of("OLYX_URL", "OLYX_API_KEY", "OLYX_SESSION_TOKEN",
            "OLYX_LOGIN_KEY", "OLYX_JAVA", "OLYX_JAVA_OPTS", "OLYX_JAR");

    private final String fallback;
    private final String meaning;

    Setting(String fallback, String meaning) {
        this.fallback = fallback;
        this.meaning = meaning;
    }

    String variable() {
        return "OLYX_" + name();
    }

    Optional<String> fallback() {
        return Optional.ofNullable(fallback);
    }


    /** Whether {@code variable}, named OLYX_*, means nothing to Olyx. */
    static boolean unknown(String variable) {
        return variable.startsWith("OLYX_") && !NOT_SERVER_SETTINGS.contains(variable)
                && Arrays.stream(values()).noneMatch(s -> s.variable().equals(variable));
    }

    /** The table {@code serve --help} ends with: a line per variable, with its default and meaning. */
    static String[] helpTable() {
        return Stream.concat(Stream.of(helpLine("variable", "default", "meaning")),
                Arrays.stream(values()).map(s -> helpLine(s.variable(), s.fallback().orElse("-"), s.meaning)))
                .toArray(String[]::new);
    }

    private static String helpLine(String variable, String fallback, String meaning) {
        return String.format("  %-31s %-10s %s", variable, fallback, meaning);
    }
}
