package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "simulate", description = "Show which tier and model routing would pick, and the estimated cost "
        + "(POST /api/v1/simulate); nothing is called or recorded.")
final class SimulateCommand extends ApiCommand {
    @Mixin
    InputText input;

    @Override
    Exit run(CliContext cli) {
        ProtocolSession session = cli.protocol();
        String text = input.readWithin(session.policy(), cli.runtime());
        JsonNode decision = session.api().post("/api/v1/simulate", Map.of("input", text), Optional.empty());
        cli.output().result(decision, out -> Output.fields(out, decision));
        return Exit.OK;
    }
}
