package io.olyx.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A leaf command that talks to Olyx; failures anywhere below {@link #run} become exit codes in one place. */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CliCommand.context(spec).run(this::run);
    }

    abstract Exit run(CliContext cli);
}
