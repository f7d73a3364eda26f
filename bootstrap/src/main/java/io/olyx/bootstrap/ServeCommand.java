package io.olyx.bootstrap;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Starts the server and keeps it up until SIGTERM/SIGINT, then shuts down gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the Olyx server.", "",
                "Configuration comes from OLYX_* environment variables: OLYX_PORT (4000), OLYX_HOST (0.0.0.0),",
                "OLYX_DATA_DIR (./olyx-data), OLYX_DATABASE_URL/_USER/_PASSWORD (PostgreSQL instead of the",
                "embedded H2), OLYX_MASTER_KEY, OLYX_OWNER_LOGIN_KEY, OLYX_MAX_BODY_BYTES, OLYX_MAX_UPLOAD_BYTES.",
                "See README.md."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() {
        long started = System.nanoTime();
        OlyxConfig config;
        try {
            config = ConfigLoader.fromEnvironment();
        } catch (ConfigLoader.ConfigException e) {
            System.err.println("olyx: " + e.getMessage());
            return 2;
        }
        Olyx olyx = Olyx.start(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            long stopping = System.nanoTime();
            try {
                olyx.close();
                LOG.info("stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
            } finally {
                stopped.countDown();
            }
        }, "olyx-shutdown"));
        olyx.createdOwnerLoginKey().ifPresent(key -> announceOwner(key, olyx.port()));
        LOG.info("Olyx {} listening on http://{}:{} (data in {}) — started in {} ms", Version.current(),
                config.server().host(), olyx.port(), config.storage().dataDir().toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void announceOwner(String loginKey, int port) {
        System.out.println();
        System.out.println("  First start: created the owner account and a \"Default\" project (sandbox model).");
        System.out.println("  Owner login key (shown only now, store it safely):");
        System.out.println();
        System.out.println("      " + loginKey);
        System.out.println();
        System.out.println("  Log in:  curl -s -X POST localhost:" + port
                + "/api/v1/auth/login -d '{\"loginKey\":\"" + loginKey + "\"}'");
        System.out.println();
    }
}
