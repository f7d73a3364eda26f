package io.olyx.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "wait", description = {"Poll a replay job (GET /api/v1/replay/{job_id}) until it ends:",
        "1 s between the first polls, then 2 s, then 5 s. Exit 0 completed, 9 failed/canceled/still pending."})
final class ReplayWaitCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Mixin
    WaitOption wait;

    @Override
    Exit run(CliContext cli) {
        String id = OpaqueId.checked("job", jobId);
        ProtocolSession session = cli.protocol();
        return ReplayJobs.report(cli.output(), ReplayJobs.await(session.api(), cli.runtime(), id, wait.maxWait));
    }
}
