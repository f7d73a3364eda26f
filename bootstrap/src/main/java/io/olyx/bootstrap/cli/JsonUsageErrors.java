package io.olyx.bootstrap.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Option-parser errors (unknown option, a value that does not convert) under {@code cli --json}: picocli reports
 * them before any command runs, so they never reach {@link CliContext#run}; this handler gives them the same
 * {@code {"error","code":"usage"}} document and exit code as any other local failure (docs/cli.md). Without --json,
 * or outside the cli command, picocli's own message and usage help are kept.
 */
public final class JsonUsageErrors implements IParameterExceptionHandler {
    private final IParameterExceptionHandler readable;

    private JsonUsageErrors(IParameterExceptionHandler readable) {
        this.readable = readable;
    }

    /** Installs the handler on the root command line, keeping its current handler for readable output. */
    public static CommandLine install(CommandLine root) {
        return root.setParameterExceptionHandler(new JsonUsageErrors(root.getParameterExceptionHandler()));
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) throws Exception {
        CommandLine failed = ex.getCommandLine();
        if (!underCli(failed.getCommandSpec()) || !asksForJson(args)) {
            return readable.handleParseException(ex, args);
        }
        new Output(failed.getOut(), failed.getErr(), true).failure(CliFailure.usage(ex.getMessage()));
        return Exit.USAGE.code();
    }

    private static boolean underCli(CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof CliCommand) {
                return true;
            }
        }
        return false;
    }

    /**
     * Read from the raw arguments: the parse stopped at the error, so the --json field is only set when the option
     * came before it. Arguments after "--" are positional text, never the option.
     */
    private static boolean asksForJson(String[] args) {
        return Arrays.stream(args).takeWhile(arg -> !arg.equals("--")).anyMatch(arg -> arg.equals("--json"));
    }
}
