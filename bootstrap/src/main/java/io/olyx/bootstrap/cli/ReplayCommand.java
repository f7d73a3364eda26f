package io.olyx.bootstrap.cli;

import picocli.CommandLine.Command;

@Command(name = "replay", description = "Queue replays of a trace and wait for them (seed 002 replay lifecycle).",
        subcommands = {ReplayQueueCommand.class, ReplayWaitCommand.class})
final class ReplayCommand extends GroupCommand {
}
