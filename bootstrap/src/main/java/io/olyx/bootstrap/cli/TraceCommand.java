package io.olyx.bootstrap.cli;

import picocli.CommandLine.Command;

@Command(name = "trace", description = "Create, complete, show and list traces (seed 002 trace lifecycle).",
        subcommands = {TraceCreateCommand.class, TraceCompleteCommand.class, TraceGetCommand.class,
                TraceListCommand.class})
final class TraceCommand extends GroupCommand {
}
