package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.jobs.JobHandler;
import io.olyx.application.jobs.JobWorker;
import io.olyx.application.jobs.PermanentJobFailure;
import io.olyx.application.port.JobQueue;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.JobStatus;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.jobs.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The durable queue's promises, on H2 and on PostgreSQL with two nodes sharing it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobQueueContract {
    Database db;
    JobQueue queue;

    abstract DatabaseSettings settings();

    @BeforeAll
    void open() {
        db = Database.open(settings());
        queue = db.jobs();
    }

    @AfterAll
    void close() {
        db.close();
    }

    private static String kind() {
        return "test-" + UUID.randomUUID();
    }

    private static NewJob job(String kind, Optional<String> dedup) {
        return new NewJob(kind, Optional.empty(), Map.of("n", 1), 3, Instant.EPOCH, dedup);
    }

    @Test
    void aClaimedJobIsNotClaimedAgainUntilItsLeaseRunsOut() {
        String kind = kind();
        Instant now = Instant.now();
        Job job = queue.enqueue(job(kind, Optional.empty()), now);

        List<Job> first = queue.claim("node-a", Set.of(kind), 10, now, Duration.ofMinutes(1));
        assertThat(first).extracting(Job::id).containsExactly(job.id());
        assertThat(first.get(0).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(first.get(0).attempts()).isEqualTo(1);
        assertThat(queue.claim("node-b", Set.of(kind), 10, now.plusSeconds(30), Duration.ofMinutes(1))).isEmpty();
        List<Job> afterLease = queue.claim("node-b", Set.of(kind), 10, now.plusSeconds(61), Duration.ofMinutes(1));
        assertThat(afterLease).extracting(Job::id).containsExactly(job.id());
        assertThat(afterLease.get(0).lockedBy()).contains("node-b");
    }

    @Test
    void aProjectWithAJobRunningWaitsBehindOneWithNone() {
        String kind = kind();
        Instant now = Instant.now();
        long busy = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        long idle = busy + 1;
        Job first = queue.enqueue(projectJob(kind, busy), now);
        Job second = queue.enqueue(projectJob(kind, busy), now);
        Job other = queue.enqueue(projectJob(kind, idle), now);

        assertThat(queue.claim("n", Set.of(kind), 1, now, Duration.ofMinutes(1))).extracting(Job::id)
                .containsExactly(first.id());
        assertThat(queue.claim("n", Set.of(kind), 1, now, Duration.ofMinutes(1))).extracting(Job::id)
                .as("the other project's job, though queued last").containsExactly(other.id());
        assertThat(queue.claim("n", Set.of(kind), 1, now, Duration.ofMinutes(1))).extracting(Job::id)
                .containsExactly(second.id());
    }

    /** A new job of {@code kind}, claimed by node "n". */
    private Job claimed(String kind, Instant now) {
        Job job = queue.enqueue(job(kind, Optional.empty()), now);
        queue.claim("n", Set.of(kind), 1, now, Duration.ofMinutes(1));
        return job;
    }

    private static NewJob projectJob(String kind, long project) {
        return new NewJob(kind, Optional.of(project), Map.of("n", 1), 3, Instant.EPOCH, Optional.empty());
    }

    @Test
    void onlyTheNodeRunningAJobRenewsItsLease() {
        String kind = kind();
        Instant now = Instant.now();
        Job job = queue.enqueue(job(kind, Optional.empty()), now);
        queue.claim("node-a", Set.of(kind), 10, now, Duration.ofMinutes(1));

        assertThat(queue.renew("node-b", List.of(job.id()), now.plusSeconds(50), Duration.ofMinutes(1))).isZero();
        assertThat(queue.renew("node-a", List.of(job.id()), now.plusSeconds(50), Duration.ofMinutes(1))).isOne();
        assertThat(queue.claim("node-b", Set.of(kind), 10, now.plusSeconds(61), Duration.ofMinutes(1))).isEmpty();
        assertThat(queue.claim("node-b", Set.of(kind), 10, now.plusSeconds(111), Duration.ofMinutes(1)))
                .extracting(Job::id).containsExactly(job.id());
    }

    @Test
    void aDedupKeyKeepsOneUnfinishedJob() {
        String kind = kind();
        Instant now = Instant.now();
        Job a = queue.enqueue(job(kind, Optional.of("same-" + kind)), now);
        Job b = queue.enqueue(job(kind, Optional.of("same-" + kind)), now);
        assertThat(b.id()).isEqualTo(a.id());
        queue.claim("n", Set.of(kind), 1, now, Duration.ofMinutes(1));
        queue.succeed(a.id(), "n", Map.of("ok", true), now);
        assertThat(queue.enqueue(job(kind, Optional.of("same-" + kind)), now).id()).isNotEqualTo(a.id());
        assertThat(queue.find(a.id()).orElseThrow().result()).containsEntry("ok", true);
    }

    @Test
    void failuresRetryWithBackoffThenEndFailedWithTheReason() {
        String kind = kind();
        Instant now = Instant.now();
        Job job = claimed(kind, now);
        queue.fail(job.id(), "n", "provider down", Optional.of(now.plusSeconds(10)), now);

        Job retried = queue.find(job.id()).orElseThrow();
        assertThat(retried.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queue.claim("n", Set.of(kind), 1, now.plusSeconds(5), Duration.ofMinutes(1))).isEmpty();
        assertThat(queue.claim("n", Set.of(kind), 1, now.plusSeconds(11), Duration.ofMinutes(1))).hasSize(1);
        queue.fail(job.id(), "n", "still down", Optional.empty(), now.plusSeconds(12));
        Job failed = queue.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.lastError()).contains("still down");
    }

    @Test
    void aReasonLongerThanItsColumnIsCutBetweenCharacters() {
        Instant now = Instant.now();
        Job job = claimed(kind(), now);
        queue.fail(job.id(), "n", "x" + "😀".repeat(1_500), Optional.empty(), now);

        assertThat(queue.find(job.id()).orElseThrow().lastError()).contains("x" + "😀".repeat(999));
    }

    @Test
    void aRestartedNodeResumesTheJobsItWasRunning() throws Exception {
        String kind = kind();
        Instant now = Instant.now();
        Job job = queue.enqueue(job(kind, Optional.empty()), now);
        queue.claim("node-restart", Set.of(kind), 1, now, Duration.ofHours(1));

        AtomicInteger runs = new AtomicInteger();
        try (JobWorker worker = worker("node-restart", kind, j -> {
            runs.incrementAndGet();
            return Map.of("done", true);
        })) {
            worker.start();
            awaitStatus(job.id(), JobStatus.SUCCEEDED);
        }
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void aPermanentFailureEndsTheJobWithoutRetries() throws Exception {
        String kind = kind();
        Job job = queue.enqueue(job(kind, Optional.empty()), Instant.now());
        try (JobWorker worker = worker("node-p", kind, j -> {
            throw new PermanentJobFailure("source trace not found");
        })) {
            worker.start();
            awaitStatus(job.id(), JobStatus.FAILED);
        }
        assertThat(queue.find(job.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(queue.find(job.id()).orElseThrow().lastError()).contains("source trace not found");
    }

    @Test
    void aJobThatEndsFreesItsSlotForTheNextAtOnceNotAtTheNextPoll() throws Exception {
        String kind = kind();
        Instant now = Instant.now();
        Job first = queue.enqueue(job(kind, Optional.empty()), now);
        Job second = queue.enqueue(job(kind, Optional.empty()), now);
        // One slot, a job long enough for the worker to find the slot taken and go idle, and an idle poll far
        // longer than the wait below: only the freed slot's wake-up can start the second job in time.
        Work slow = j -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        };
        try (JobWorker worker = new JobWorker(queue, List.of(handler(kind, slow)), "node-slot",
                Clock.systemUTC(), RetryPolicy.DEFAULT, 1, Duration.ofMinutes(5), Duration.ofHours(1))) {
            worker.start();
            awaitStatus(first.id(), JobStatus.SUCCEEDED);
            awaitStatus(second.id(), JobStatus.SUCCEEDED);
        }
    }

    @Test
    void aJobThatOutlastsItsLeaseStaysWithTheLiveNodeRunningIt() throws Exception {
        String kind = kind();
        Job job = queue.enqueue(job(kind, Optional.empty()), Instant.now());
        ConcurrentHashMap<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        // The job runs well past one lease; without renewals the second node would take it over and run it again.
        Work longerThanTheLease = j -> {
            count(runs, j);
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        };
        Duration lease = Duration.ofMillis(1_500);
        try (Database other = Database.open(settings());
             JobWorker a = new JobWorker(queue, List.of(handler(kind, longerThanTheLease)), "node-a",
                     Clock.systemUTC(), RetryPolicy.DEFAULT, 1, lease, Duration.ofMillis(20));
             JobWorker b = new JobWorker(other.jobs(), List.of(handler(kind, longerThanTheLease)), "node-b",
                     Clock.systemUTC(), RetryPolicy.DEFAULT, 1, lease, Duration.ofMillis(20))) {
            a.start();
            awaitStatus(job.id(), JobStatus.RUNNING);
            b.start();
            awaitStatus(job.id(), JobStatus.SUCCEEDED);
        }
        assertThat(runs.get(job.id()).get()).isEqualTo(1);
    }

    @Test
    void twoNodesSharingTheDatabaseNeverRunAJobTwice() throws Exception {
        String kind = kind();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(queue.enqueue(job(kind, Optional.empty()), Instant.now()).id());
        }
        ConcurrentHashMap<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        try (Database other = Database.open(settings());
             JobWorker a = new JobWorker(queue, List.of(handler(kind, j -> count(runs, j))), "node-a",
                     Clock.systemUTC(), RetryPolicy.DEFAULT, 8, Duration.ofMinutes(5), Duration.ofMillis(20));
             JobWorker b = new JobWorker(other.jobs(), List.of(handler(kind, j -> count(runs, j))), "node-b",
                     Clock.systemUTC(), RetryPolicy.DEFAULT, 8, Duration.ofMinutes(5), Duration.ofMillis(20))) {
            a.start();
            b.start();
            for (long id : ids) {
                awaitStatus(id, JobStatus.SUCCEEDED);
            }
        }
        assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(runs.values()).allMatch(n -> n.get() == 1);
    }

    private static Map<String, Object> count(ConcurrentHashMap<Long, AtomicInteger> runs, Job job) {
        runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
        return Map.of();
    }

    private JobWorker worker(String node, String kind, Work work) {
        return new JobWorker(queue, List.of(handler(kind, work)), node, Clock.systemUTC(), RetryPolicy.DEFAULT, 4,
                Duration.ofMinutes(5), Duration.ofMillis(20));
    }

    private static JobHandler handler(String kind, Work work) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Map<String, Object> handle(Job job) {
                return work.run(job);
            }
        };
    }

    private void awaitStatus(long id, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (queue.find(id).orElseThrow().status() == status) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(queue.find(id).orElseThrow().status()).isEqualTo(status);
    }

    @FunctionalInterface
    interface Work {
        Map<String, Object> run(Job job);
    }
}
