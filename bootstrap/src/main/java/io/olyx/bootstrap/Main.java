package io.olyx.bootstrap;

import io.olyx.bootstrap.cli.JsonUsageErrors;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar olyx.jar [serve]} starts the server; more commands are listed by {@code --help}. */
@Command(name = "olyx", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Olyx: AI gateway, LLM observability and RAG in one process.",
        subcommands = {ServeCommand.class, io.olyx.bootstrap.cli.CliCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line as {@code main} runs it; tests pass a factory that gives the cli command a test runtime. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine root = JsonUsageErrors.install(new CommandLine(new Main(), factory));
        root.getSubcommands().get("serve").getCommandSpec().usageMessage().footer(Setting.helpTable());
        return root;
    }

    /** No sub-command: serve, because starting the server is what a bare {@code java -jar olyx.jar} should do. */
    @Override
    public Integer call() {
        return new ServeCommand().call();
    }
}
