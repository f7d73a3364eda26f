package io.olyx.bootstrap.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code olyx cli ...}: an HTTP client of a running Olyx that speaks seed 002's minimal protocol (policy first, fail
 * closed, retries with one Idempotency-Key per create) plus control-plane conveniences. The global options are
 * inherited, so they may be given before or after the subcommand.
 */
@Command(name = "cli", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        exitCodeOnInvalidInput = 1, sortOptions = false, usageHelpAutoWidth = true,
        description = "Command-line client of a running Olyx (see docs/cli.md).",
        subcommands = {ConfigCommand.class, TraceCommand.class, ReplayCommand.class, CheckCommand.class,
                SimulateCommand.class, ExecCommand.class, LoginCommand.class, KeysCommand.class,
                ProjectsCommand.class, ModelsCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 ok                  1 usage               2 policy / failed closed",
                "  3 auth (401/403)      4 not found (404)     5 rejected (400/422/...)",
                "  6 conflict (409)      7 rate or spend limit 8 server or network, after retries",
                "  9 replay job failed   10 content blocked by a guardrail"})
public final class CliCommand extends GroupCommand {
    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 1,
            description = {"Olyx base URL", "(default: $OLYX_URL, else " + GlobalOptions.DEFAULT_URL + ")"})
    String url;

    @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY", order = 2,
            description = "project API key ak_<key_id>.<secret> for protocol commands (default: $OLYX_API_KEY)")
    String apiKey;

    @Option(names = "--session-token", scope = ScopeType.INHERIT, paramLabel = "TOKEN", order = 3,
            description = "session token from `login` for keys/projects/models (default: $OLYX_SESSION_TOKEN)")
    String sessionToken;

    @Option(names = "--json", scope = ScopeType.INHERIT, order = 4,
            description = "print the server's JSON (and JSON errors on stderr) instead of readable text")
    boolean json;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", order = 5,
            converter = DurationConverter.class, defaultValue = "30s",
            description = "per-request timeout, e.g. 30s, 500ms, 2m (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--retries", scope = ScopeType.INHERIT, paramLabel = "N", order = 6, defaultValue = "4",
            description = "retries of 409/429/5xx/network failures, with backoff and jitter (default: ${DEFAULT-VALUE})")
    int retries;

    private final CliRuntime runtime;

    /** Used when picocli creates the command (java -jar olyx.jar cli ...). */
    public CliCommand() {
        this(CliRuntime.system());
    }

    public CliCommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    /** The context of the command {@code spec} belongs to, found by walking up to this command. */
    static CliContext context(CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof CliCommand cli) {
                return cli.context(spec.commandLine());
            }
        }
        throw new IllegalStateException(spec.qualifiedName() + " is not under the cli command");
    }

    private CliContext context(CommandLine commandLine) {
        GlobalOptions options = new GlobalOptions(
                Optional.ofNullable(url).or(() -> env("OLYX_URL")).orElse(GlobalOptions.DEFAULT_URL),
                Optional.ofNullable(apiKey).or(() -> env("OLYX_API_KEY")),
                Optional.ofNullable(sessionToken).or(() -> env("OLYX_SESSION_TOKEN")),
                json, timeout, retries);
        return new CliContext(options, runtime,
                new Output(commandLine.getOut(), commandLine.getErr(), json));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(runtime.env().get(name)).filter(v -> !v.isBlank());
    }
}
