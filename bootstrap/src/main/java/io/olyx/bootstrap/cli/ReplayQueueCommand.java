package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "queue", description = {"Queue a replay of a trace (POST /api/v1/replay); prints the job id.",
        "A cached result (200) is printed at once; with --wait a queued job is polled to its end."})
final class ReplayQueueCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "TRACE_ID")
    String traceId;

    @Option(names = "--force-model", paramLabel = "MODEL", description = "replace every run step with this model")
    String forceModel;

    @Option(names = "--compare-model", paramLabel = "MODEL", description = "benchmark this model (repeatable)")
    List<String> compareModels = List.of();

    @Option(names = "--force-models", paramLabel = "MODEL", split = ",",
            description = "models for parallel/fanout steps (comma-separated)")
    List<String> forceModels = List.of();

    @Option(names = "--max-cost", paramLabel = "USD", description = "skip steps estimated above this cost")
    BigDecimal maxCost;

    @Option(names = "--wait", description = "poll the queued job until it ends")
    boolean waitForIt;

    @Mixin
    WaitOption wait;

    @Mixin
    IdempotencyOption idempotency;

    @Override
    Exit run(CliContext cli) {
        Map<String, Object> body = body();
        ProtocolSession session = cli.protocol();
        session.policy().requireServerReplay();
        String key = idempotency.orElse(() -> IdempotencyKeys.replay(traceId, Json.write(body)));
        JsonNode queued = session.api().post("/api/v1/replay", body, Optional.of(key));
        String status = ReplayJobs.status(queued);
        if (ReplayJobs.TERMINAL.contains(status)) {
            return ReplayJobs.report(cli.output(), queued);
        }
        String jobId = queued.path("job_id").asText("");
        if (jobId.isEmpty()) {
            throw new CliFailure(Exit.UNAVAILABLE, "the replay was accepted without a job_id");
        }
        if (!waitForIt) {
            cli.output().result(queued, out -> out.println(jobId));
            return Exit.OK;
        }
        cli.output().note("replay job " + jobId + " " + status);
        return ReplayJobs.report(cli.output(), ReplayJobs.await(session.api(), cli.runtime(), jobId, wait.maxWait));
    }

    private Map<String, Object> body() {
        if (forceModel != null && !compareModels.isEmpty()) {
            throw CliFailure.usage("--force-model and --compare-model are mutually exclusive");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trace_id", Traces.checkedId(traceId));
        Optional.ofNullable(forceModel).ifPresent(model -> body.put("force_model", model));
        if (!compareModels.isEmpty()) {
            body.put("compare_models", compareModels);
        }
        if (!forceModels.isEmpty()) {
            body.put("force_models", forceModels);
        }
        Optional.ofNullable(maxCost).ifPresent(cost -> body.put("max_cost", cost));
        return body;
    }
}
