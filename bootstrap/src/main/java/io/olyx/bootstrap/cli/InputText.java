package io.olyx.bootstrap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Parameters;

/** The INPUT argument of exec, check and simulate: text, or "-" to read it from stdin. */
final class InputText {
    @Parameters(index = "0", paramLabel = "INPUT", description = "the input text, or - to read it from stdin")
    String input;

    /** The input, refused before it is sent when it is over the project's guardrails.max_input_length. */
    String readWithin(Policy policy, CliRuntime runtime) {
        String text = read(runtime);
        policy.requireWithinInputLimit("the input", text.length());
        return text;
    }

    private String read(CliRuntime runtime) {
        if (!input.equals("-")) {
            return input;
        }
        try {
            return new String(runtime.stdin().readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw CliFailure.usage("cannot read the input from stdin: " + e.getMessage());
        }
    }
}
