package io.olyx.application.jobs;

import io.olyx.application.port.JobQueue;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Claims jobs from the shared queue and runs them on virtual threads, at most {@code concurrency} at once. It polls
 * when idle and is woken at once when this node enqueues work or one of its jobs ends and frees a slot. While a job
 * runs, its lease is renewed every third of a lease, so only a node that died loses its jobs to another. Jobs left
 * running by this node's previous life are put back on start, so a restart resumes them.
 */
public final class JobWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobWorker.class.getName());
    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final String node;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration lease;
    private final Duration idlePoll;
    private final int concurrency;
    private final Semaphore slots;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Duration renewEvery;
    private Instant nextRenewal = Instant.MIN;
    private final FailureStreak queueFailures = new FailureStreak(Duration.ofMinutes(1));
    private final Object wakeUp = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;

    public JobWorker(JobQueue queue, List<JobHandler> handlers, String node, Clock clock, RetryPolicy retry,
                     int concurrency, Duration lease, Duration idlePoll) {
        this.queue = queue;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind,
                Function.identity()));
        this.node = node;
        this.clock = clock;
        this.retry = retry;
        this.lease = lease;
        this.idlePoll = idlePoll;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.renewEvery = lease.dividedBy(3);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        queue.release(node, clock.instant());
        running = true;
        loop = Thread.ofPlatform().daemon(true).name("olyx-jobs").start(this::pollLoop);
    }

    /** Work was just enqueued on this node, or a slot freed: look for work now rather than at the next poll. */
    public void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void pollLoop() {
        while (running) {
            int claimed = 0;
            try {
                renewLeases();
                claimed = claimAndRun();
                int failedPolls = queueFailures.ended();
                if (failedPolls > 0) {
                    LOG.log(System.Logger.Level.INFO, "job queue available again after {0} failed polls", failedPolls);
                }
            } catch (RuntimeException e) {
                if (queueFailures.failed(clock.instant())) {
                    LOG.log(System.Logger.Level.WARNING, "job queue unavailable (" + queueFailures.failures()
                            + " polls in a row); retrying every " + idlePoll.toMillis() + " ms", e);
                }
            }
            if (claimed == 0) {
                synchronized (wakeUp) {
                    try {
                        // a wake-up that came while this loop was claiming is not lost: it skips the wait
                        if (!woken) {
                            wakeUp.wait(Math.max(1, Math.min(idlePoll.toMillis(), renewEvery.toMillis())));
                        }
                        woken = false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void renewLeases() {
        Instant now = clock.instant();
        if (now.isBefore(nextRenewal)) {
            return;
        }
        if (!inFlight.isEmpty()) {
            queue.renew(node, List.copyOf(inFlight), now, lease);
        }
        nextRenewal = now.plus(renewEvery);
    }

    private int claimAndRun() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<Job> jobs = queue.claim(node, handlers.keySet(), free, clock.instant(), lease);
        for (Job job : jobs) {
            slots.acquireUninterruptibly();
            inFlight.add(job.id());
            Thread.ofVirtual().name("olyx-job-" + job.id()).start(() -> {
                try {
                    run(job);
                } finally {
                    inFlight.remove(job.id());
                    slots.release();
                    wake();
                }
            });
        }
        return jobs.size();
    }

    private void run(Job job) {
        try {
            settle(job);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job " + job.id() + " ran, but its outcome could not be recorded;"
                    + " it runs again once its lease runs out", e);
        }
    }

    private void settle(Job job) {
        JobHandler handler = handlers.get(job.kind());
        try {
            Map<String, Object> result = handler.handle(job);
            queue.succeed(job.id(), node, result, clock.instant());
        } catch (PermanentJobFailure e) {
            queue.fail(job.id(), node, e.getMessage(), Optional.empty(), clock.instant());
        } catch (Exception e) {
            Instant now = clock.instant();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            queue.fail(job.id(), node, reason, retry.nextRun(job.attempts(), job.maxAttempts(), now), now);
        }
    }

    /** Stops claiming and waits (bounded) for the jobs in flight; unfinished ones are released for the next start. */
    @Override
    public void close() {
        running = false;
        wake();
        if (loop != null) {
            loop.interrupt();
        }
        try {
            if (slots.tryAcquire(concurrency, 10, TimeUnit.SECONDS)) {
                slots.release(concurrency);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
