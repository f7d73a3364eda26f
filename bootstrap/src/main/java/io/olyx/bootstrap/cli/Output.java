package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Where results and messages go: results on stdout (the server's JSON with --json, readable lines otherwise),
 * notes and errors on stderr (one JSON error document per failure with --json), so stdout stays pipeable.
 */
final class Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** Prints a result: the JSON document as one line with --json, else whatever {@code human} writes. */
    void result(JsonNode document, Consumer<PrintWriter> human) {
        if (json) {
            out.println(Json.write(document));
        } else {
            human.accept(out);
        }
        out.flush();
    }

    /** Prints part of a result as it arrives (streamed deltas), flushing at once. */
    void partial(String text) {
        out.print(text);
        out.flush();
    }

    void note(String message) {
        err.println("olyx: " + message);
        err.flush();
    }

    void failure(CliFailure failure) {
        if (json) {
            // an ObjectNode keeps "error" before "code" as documented; Map.of's order changes from run to run
            err.println(failure.errorBody().orElseGet(() -> Json.write(Json.object().put("error", failure.getMessage())
                    .put("code", failure.exit().name().toLowerCase(java.util.Locale.ROOT)))));
        } else {
            err.println("olyx: " + failure.getMessage());
        }
        err.flush();
    }

    /** Every scalar of a document as "path: value", nested objects flattened with dots. */
    static void fields(PrintWriter out, JsonNode node) {
        fields(out, "", node);
    }

    private static void fields(PrintWriter out, String prefix, JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields(out, prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue());
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                fields(out, prefix + "[" + i + "]", node.get(i));
            }
        } else if (!node.isMissingNode()) {
            out.println(prefix + ": " + scalar(node));
        }
    }

    /** One line per element of a JSON array, the named columns separated by tabs ("a.b" reaches into objects). */
    static void rows(PrintWriter out, JsonNode array, String... columns) {
        for (JsonNode element : array) {
            StringJoiner row = new StringJoiner("\t");
            for (String column : columns) {
                JsonNode value = element;
                for (String part : column.split("\\.")) {
                    value = value.path(part);
                }
                row.add(scalar(value));
            }
            out.println(row);
        }
    }

    private static String scalar(JsonNode node) {
        if (node.isArray()) {
            StringJoiner joined = new StringJoiner(", ").setEmptyValue("[]");
            node.forEach(element -> joined.add(scalar(element)));
            return joined.toString();
        }
        if (node.isMissingNode() || node.isNull()) {
            return "-";
        }
        return node.isValueNode() ? node.asText() : Json.write(node);
    }
}
