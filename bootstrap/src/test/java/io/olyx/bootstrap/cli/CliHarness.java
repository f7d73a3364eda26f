package io.olyx.bootstrap.cli;

import io.olyx.bootstrap.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine;

/**
 * Runs {@code olyx cli ...} in-process exactly as {@code java -jar olyx.jar cli ...} parses it (through Main), with
 * a chosen environment and stdin, capturing stdout and stderr, and a sleeper that records instead of sleeping.
 */
public final class CliHarness {
    private final Map<String, String> env;
    private final String stdin;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private CliHarness(Map<String, String> env, String stdin) {
        this.env = env;
        this.stdin = stdin;
    }

    public static CliHarness withEnv(Map<String, String> env) {
        return new CliHarness(env, "");
    }

    public CliHarness withStdin(String text) {
        return new CliHarness(env, text);
    }

    /** Everything the CLI waited for (backoff and polling), in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Runs with global options first (e.g. --url and a credential), then the command's own arguments. */
    public Result run(List<String> globals, String... args) {
        List<String> all = new ArrayList<>(globals);
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    public Result run(String... args) {
        CliRuntime runtime = new CliRuntime(env, sleeps::add, () -> 0.0, Clock.systemUTC(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == CliCommand.class ? type.cast(new CliCommand(runtime))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = Main.commandLine(factory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("cli"));
        all.addAll(List.of(args));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
