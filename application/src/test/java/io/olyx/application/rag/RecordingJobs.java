package io.olyx.application.rag;

import io.olyx.application.port.JobQueue;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.JobStatus;
import io.olyx.domain.jobs.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps what is enqueued; the indexing worker is not part of these tests (they run a job themselves if need be). */
final class RecordingJobs implements JobQueue {
    final List<NewJob> enqueued = new ArrayList<>();

    @Override
    public Job enqueue(NewJob job, Instant now) {
        enqueued.add(job);
        return new Job(enqueued.size(), job.kind(), job.projectId(), job.payload(), JobStatus.QUEUED, 0,
                job.maxAttempts(), job.runAfter(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                now, now);
    }

    @Override
    public List<Job> claim(String node, Collection<String> kinds, int max, Instant now, Duration lease) {
        return List.of();
    }

    @Override
    public void succeed(long jobId, String node, Map<String, Object> result, Instant now) {
    }

    @Override
    public int renew(String node, List<Long> jobIds, Instant now, Duration lease) {
        return 0;
    }

    @Override
    public void fail(long jobId, String node, String error, Optional<Instant> retryAt, Instant now) {
    }

    @Override
    public Optional<Job> find(long jobId) {
        return Optional.empty();
    }

    @Override
    public int release(String node, Instant now) {
        return 0;
    }

    @Override
    public int purgeFinished(Instant before) {
        return 0;
    }
}
