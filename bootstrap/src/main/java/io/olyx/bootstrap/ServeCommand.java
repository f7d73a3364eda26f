package io.olyx.bootstrap;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Starts the server and keeps it up until SIGTERM/SIGINT, then shuts down gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true, usageHelpWidth = 132, description = "Start the Olyx server.",
        footerHeading = "%nConfiguration comes from these environment variables (README.md explains each):%n")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private final Map<String, String> env;

    ServeCommand() {
        this(System.getenv());
    }

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    /** @return 0 after a shutdown, 2 for a bad setting, 1 when the server could not start */
    @Override
    public Integer call() {
        long started = System.nanoTime();
        OlyxConfig config;
        try {
            config = ConfigLoader.from(env);
        } catch (ConfigLoader.ConfigException e) {
            System.err.println("olyx: " + e.getMessage());
            return 2;
        }
        env.keySet().stream().filter(Setting::unknown).sorted().forEach(variable -> LOG.warn(
                "{} is not an Olyx setting and is ignored (olyx serve --help lists them)", variable));
        Optional<String> problem = StartChecks.problem(config);
        if (problem.isPresent()) {
            System.err.println("olyx: " + problem.get());
            return 1;
        }
        Olyx olyx;
        try {
            olyx = Olyx.start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            if (e instanceof Olyx.StartFailed failed) {
                failed.createdOwnerLoginKey().ifPresent(key -> announceOwner(key, config.server().port()));
            }
            System.err.println("olyx: could not start: " + StartChecks.reason(e)
                    + " (OLYX_LOG_LEVEL=DEBUG logs the stack trace)");
            LOG.debug("start failed", e);
            return 1;
        }
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
