package io.olyx.adapter.persistence;

import io.olyx.application.port.JobQueue;
import io.olyx.domain.common.Characters;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.JobStatus;
import io.olyx.domain.jobs.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The job queue on the shared database. On PostgreSQL candidates are picked with FOR UPDATE SKIP LOCKED so nodes
 * don't queue behind each other's rows; on both databases the claim is a conditional UPDATE that only one node can
 * win, which is what guarantees a job never runs twice at once.
 */
final class JdbiJobQueue implements JobQueue {
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Jdbi jdbi;
    private final JobDao dao;
    private final JsonCodec json;
    private final boolean skipLocked;

    JdbiJobQueue(Jdbi jdbi, JsonCodec json, boolean skipLocked) {
        this.jdbi = jdbi;
        this.dao = ForeignKeys.onDemand(jdbi, JobDao.class);
        this.json = json;
        this.skipLocked = skipLocked;
    }

    @Override
    public Job enqueue(NewJob job, Instant now) {
        return jdbi.inTransaction(handle -> {
            JobDao tx = handle.attach(JobDao.class);
            Optional<JobDao.Row> existing = job.dedupKey().flatMap(tx::findUnfinished);
            if (existing.isPresent()) {
                return toJob(existing.get());
            }
            long id = tx.insert(job.kind(), job.projectId().orElse(null), json.write(job.payload()),
                    job.maxAttempts(), Rows.utc(job.runAfter()), job.dedupKey().orElse(null), Rows.utc(now));
            return toJob(tx.find(id).orElseThrow());
        });
    }

    @Override
    public List<Job> claim(String node, Collection<String> kinds, int max, Instant now, Duration lease) {
        if (kinds.isEmpty() || max <= 0) {
            return List.of();
        }
        OffsetDateTime at = Rows.utc(now);
        OffsetDateTime until = Rows.utc(now.plus(lease));
        List<String> kindList = List.copyOf(kinds);
        return jdbi.inTransaction(handle -> {
            JobDao tx = handle.attach(JobDao.class);
            List<Long> candidates = skipLocked ? tx.candidatesSkipLocked(kindList, at, max)
                    : tx.candidates(kindList, at, max);
            List<Job> claimed = new ArrayList<>();
            for (long id : candidates) {
                if (tx.claim(id, node, until, at) == 1) {
                    claimed.add(toJob(tx.find(id).orElseThrow()));
                }
            }
            return claimed;
        });
    }

    @Override
    public void succeed(long jobId, String node, Map<String, Object> result, Instant now) {
        dao.succeed(jobId, node, json.write(result), Rows.utc(now));
    }

    @Override
    public int renew(String node, List<Long> jobIds, Instant now, Duration lease) {
        return jobIds.isEmpty() ? 0 : dao.renew(jobIds, node, Rows.utc(now.plus(lease)), Rows.utc(now));
    }

    @Override
    public void fail(long jobId, String node, String error, Optional<Instant> retryAt, Instant now) {
        String reason = Characters.truncate(error, MAX_ERROR_LENGTH);
        dao.fail(jobId, node, retryAt.isPresent() ? JobStatus.QUEUED.wire() : JobStatus.FAILED.wire(), reason,
                retryAt.map(Rows::utc).orElse(null), Rows.utc(now));
    }

    @Override
    public Optional<Job> find(long jobId) {
        return dao.find(jobId).map(this::toJob);
    }

    @Override
    public int release(String node, Instant now) {
        return dao.release(node, Rows.utc(now));
    }

    @Override
    public int purgeFinished(Instant before) {
        return dao.purgeFinished(Rows.utc(before));
    }

    private Job toJob(JobDao.Row r) {
        return new Job(r.id(), r.kind(), Optional.ofNullable(r.projectId()), json.readObject(r.payload()),
                JobStatus.parse(r.status()).orElseThrow(() -> new IllegalStateException("job status " + r.status())),
                r.attempts(), r.maxAttempts(), r.runAfter().toInstant(), Optional.ofNullable(r.lockedBy()),
                Optional.ofNullable(r.lockedUntil()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.lastError()), json.readObject(r.result()), r.createdAt().toInstant(),
                r.updatedAt().toInstant());
    }
}
