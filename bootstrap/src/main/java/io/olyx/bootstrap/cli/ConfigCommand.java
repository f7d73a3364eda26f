package io.olyx.bootstrap.cli;

import picocli.CommandLine.Command;

@Command(name = "config", description = {"Fetch and check the project policy (GET /api/v1/config).",
        "Every protocol command does this first and fails closed (exit 2) on a policy it does not understand."})
final class ConfigCommand extends ApiCommand {
    @Override
    Exit run(CliContext cli) {
        Policy policy = cli.protocol().policy();
        cli.output().result(policy.document(), out -> Output.fields(out, policy.document()));
        return Exit.OK;
    }
}
