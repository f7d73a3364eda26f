package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create", description = {"Register a unit of work (POST /api/v1/traces); prints the trace id.",
        "Fails closed when policy requires --local-ref or the metadata exceeds guardrails.max_input_length."})
final class TraceCreateCommand extends ApiCommand {
    @Option(names = {"-m", "--meta"}, paramLabel = "KEY=VALUE", description = "a metadata entry (repeatable)")
    Map<String, String> meta = new LinkedHashMap<>();

    @Option(names = "--metadata", paramLabel = "JSON", description = "metadata as a JSON object (merged under --meta)")
    String metadataJson;

    @Option(names = "--local-ref", paramLabel = "REF", description = "opaque customer-side reference to the payload")
    String localRef;

    @Option(names = "--revenue", paramLabel = "AMOUNT", description = "revenue attributed to this work (USD)")
    BigDecimal revenue;

    @Mixin
    IdempotencyOption idempotency;

    @Override
    Exit run(CliContext cli) {
        TraceDraft draft = new TraceDraft(metadata(), Optional.ofNullable(localRef), Optional.ofNullable(revenue));
        String key = idempotency.orElse(() -> IdempotencyKeys.fresh("trace-create"));
        JsonNode trace = Traces.create(cli.protocol(), draft, key);
        cli.output().result(trace, out -> out.println(trace.path("id").asText()));
        return Exit.OK;
    }

    private Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (metadataJson != null) {
            JsonNode parsed = Json.parse(metadataJson).filter(JsonNode::isObject)
                    .orElseThrow(() -> CliFailure.usage("--metadata must be a JSON object"));
            parsed.properties().forEach(field -> metadata.put(field.getKey(), field.getValue()));
        }
        metadata.putAll(meta);
        return metadata;
    }
}
