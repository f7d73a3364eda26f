package io.olyx.bootstrap.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Idempotency-Key values after seed 002's recommendations: a fresh local request id per create, the trace id plus
 * the attempt for a completion, the trace id plus a hash of the replay configuration for a replay (so queueing
 * the same replay twice finds the first job). One key covers all retries of one command.
 */
final class IdempotencyKeys {
    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    static String fresh(String operation) {
        return operation + "-" + UUID.randomUUID();
    }

    static String completion(String traceId) {
        return "trace-complete-" + traceId + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String replay(String traceId, String configuration) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(configuration.getBytes(StandardCharsets.UTF_8));
            return "replay-" + traceId + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key given on the command line must be one the server accepts: 1-255 printable ASCII characters. */
    static String checked(String key) {
        if (!key.matches("[\\x21-\\x7e]{1," + MAX_LENGTH + "}")) {
            throw CliFailure.usage("--idempotency-key must be 1-" + MAX_LENGTH + " printable ASCII characters");
        }
        return key;
    }
}
