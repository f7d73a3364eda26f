package io.olyx.bootstrap.cli;

import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: called alone it shows its usage and exits with the usage code. */
abstract class GroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Exit.USAGE.code();
    }

    /** For method subcommands of this group. */
    int run(Function<CliContext, Exit> body) {
        return CliCommand.context(spec).run(body);
    }
}
