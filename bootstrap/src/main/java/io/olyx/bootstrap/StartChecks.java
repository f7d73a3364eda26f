package io.olyx.bootstrap;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What can stop a start, checked before anything is created, so that the operator reads one line naming the
 * setting to change rather than a stack trace from deep in the database or the HTTP server; and a first start that
 * cannot serve stops before it creates the owner account.
 */
final class StartChecks {
    private StartChecks() {
    }

    /** @return why the server cannot start with {@code config}, if a check finds a reason */
    static Optional<String> problem(OlyxConfig config) {
        return dataDirectoryProblem(config.storage().dataDir())
                .or(() -> portProblem(config.server().host(), config.server().port()));
    }

    /**
     * The reason a start failed, for one line of output: the outermost message, which says what was being done, and
     * the root cause's where the outermost does not already include it.
     */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof BindException) {
                return "the HTTP port is in use (" + root.getMessage() + "); set OLYX_PORT to a free port";
            }
            root = root.getCause();
        }
        String outer = String.valueOf(failure.getMessage());
        String cause = String.valueOf(root.getMessage());
        return root == failure || outer.contains(cause) ? outer : outer + ": " + cause;
    }

    private static Optional<String> dataDirectoryProblem(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot create the data directory " + dir.toAbsolutePath() + " (OLYX_DATA_DIR): "
                    + e);
        }
        return Files.isWritable(dir) ? Optional.empty() : Optional.of("the data directory " + dir.toAbsolutePath()
                + " (OLYX_DATA_DIR) is not writable");
    }

    /** Binds the port the way the HTTP server will (address reuse on), and lets it go at once. */
    private static Optional<String> portProblem(String host, int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot listen on " + host + ":" + port + " (OLYX_HOST, OLYX_PORT): " + e.getMessage());
        }
    }
}
