package io.olyx.application.port;

import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable background work shared by every node on the database. A claim takes a job for a lease; a job whose lease ran
 * out (its node died) can be claimed again, and a claim is atomic, so no two nodes ever run the same job at once.
 */
public interface JobQueue {
    Job enqueue(NewJob job, Instant now);

    List<Job> claim(String node, Collection<String> kinds, int max, Instant now, Duration lease);

    void succeed(long jobId, String node, Map<String, Object> result, Instant now);

    /**
     * Extends the leases {@code node} holds on these jobs it is still running to {@code now + lease}, so a job that
     * outlasts one lease is not taken over while its node is alive; returns how many leases were extended.
     */
    int renew(String node, List<Long> jobIds, Instant now, Duration lease);

    /** Puts the job back for another try at {@code retryAt}, or ends it as failed when that is empty. */
    void fail(long jobId, String node, String error, Optional<Instant> retryAt, Instant now);

    Optional<Job> find(long jobId);

    /** On start: jobs this node held when it stopped go back to the queue at once instead of waiting for the lease. */
    int release(String node, Instant now);

    /** Finished jobs older than {@code before} are removed. */
    int purgeFinished(Instant before);
}
