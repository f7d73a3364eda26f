package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;

/**
 * Replay jobs (seed 002 "Replay Lifecycle"): polls GET /api/v1/replay/{job_id} on {@link PollSchedule} until a
 * terminal status; 401, 403 and 404 stop the polling as failures. A status this CLI does not know fails closed.
 */
final class ReplayJobs {
    static final Set<String> PENDING = Set.of("queued", "running");
    static final Set<String> TERMINAL = Set.of("completed", "failed", "canceled");

    private ReplayJobs() {
    }

    static JsonNode await(OlyxApi api, CliRuntime runtime, String jobId, Duration maxWait) {
        String path = "/api/v1/replay/" + UrlParts.segment(jobId);
        Duration waited = Duration.ZERO;
        for (int poll = 1; ; poll++) {
            JsonNode job = api.get(path);
            String status = status(job);
            if (TERMINAL.contains(status)) {
                return job;
            }
            Duration delay = PollSchedule.delayAfter(poll);
            if (waited.plus(delay).compareTo(maxWait) > 0) {
                throw new CliFailure(Exit.JOB_FAILED, "replay job " + jobId + " is still " + status + " after "
                        + waited.toSeconds() + " s; `olyx cli replay wait " + jobId + "` keeps waiting");
            }
            runtime.pause(delay);
            waited = waited.plus(delay);
        }
    }

    static String status(JsonNode job) {
        String status = job.path("status").asText("");
        if (!PENDING.contains(status) && !TERMINAL.contains(status)) {
            throw CliFailure.policy("the replay status \"" + status + "\" is unknown to this CLI; upgrade the CLI");
        }
        return status;
    }

    /** Prints a finished job; only a completed one is a success. */
    static Exit report(Output output, JsonNode job) {
        output.result(job, out -> Output.fields(out, job));
        String status = status(job);
        if (status.equals("completed")) {
            return Exit.OK;
        }
        throw new CliFailure(Exit.JOB_FAILED, "replay job " + status
                + (job.path("error").isTextual() ? ": " + job.path("error").asText() : ""));
    }
}
