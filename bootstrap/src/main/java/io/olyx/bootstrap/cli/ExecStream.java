package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * POST /api/v1/executions/stream: reads the chat.completion.chunk events as they arrive and prints each
 * delta.content at once (each chunk as a JSON line with --json). The stream must end with [DONE]; an in-band
 * error or an early end is a failure (exit 8). The input goes in a JSON body, not in seed 001's GET query: the
 * server caps a request head at 8 KiB, so a query could not carry every input max_input_length allows.
 */
final class ExecStream {
    private ExecStream() {
    }

    static Exit print(OlyxApi api, Output output, String traceId, String input) {
        boolean printed = false;
        try (Stream<String> lines = api.events("/api/v1/executions/stream",
                Map.of("trace_id", traceId, "input", input))) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring("data:".length()).strip();
                if (data.equals("[DONE]")) {
                    if (printed) {
                        output.partial(System.lineSeparator());
                    }
                    return Exit.OK;
                }
                printed |= chunk(output, data);
            }
        } catch (UncheckedIOException broken) {
            throw new CliFailure(Exit.UNAVAILABLE, "the stream broke: " + broken.getCause().getMessage());
        }
        throw new CliFailure(Exit.UNAVAILABLE, "the stream ended before [DONE]");
    }

    /** Prints one event; true when it printed text. */
    private static boolean chunk(Output output, String data) {
        JsonNode chunk = Json.parse(data).orElseThrow(() ->
                new CliFailure(Exit.UNAVAILABLE, "the stream sent an event that is not JSON"));
        if (chunk.has("error")) {
            JsonNode error = chunk.path("error");
            throw new CliFailure(Exit.UNAVAILABLE, "the model call failed mid-stream: "
                    + error.path("message").asText(error.asText()) + " (" + error.path("code").asText("") + ")");
        }
        if (output.json()) {
            output.result(chunk, out -> { });
            return false;
        }
        JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
        if (content.isTextual() && !content.asText().isEmpty()) {
            output.partial(content.asText());
            return true;
        }
        return false;
    }
}
