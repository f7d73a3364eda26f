package io.olyx.adapter.persistence;

import io.olyx.application.port.StepRecorder;
import io.olyx.domain.trace.Step;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit, written by the caller when no write is running: a caller that finds the database free writes its
 * own step, with any that queued meanwhile, on its own thread; a caller that finds a write running queues its step
 * for the writer thread, which writes everything that queued up in a single transaction as soon as that write is
 * done. Under load one commit covers many requests, so durability costs a fraction of a commit per request; at
 * low and moderate load a step is written with no hand-off between threads, each of which is a wake-up that took
 * from tens of microseconds to a millisecond on the 2-core VMs measured (docs/benchmarks.md).
 * A caller returns only after its own step is committed — that is what "acknowledged" means here.
 */
final class GroupCommitStepRecorder implements StepRecorder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitStepRecorder.class);
    private static final int MAX_BATCH = 500;
    private static final Pending STOP = new Pending(null, null);

    private final HotPath hotPath;
    private final StepRows rows;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Held by whoever is writing, a caller or the writer thread: one transaction at a time takes the queue. */
    private final ReentrantLock writing = new ReentrantLock();
    private final Thread writer;
    private volatile boolean closed;

    GroupCommitStepRecorder(HotPath hotPath, StepRows rows) {
        this.hotPath = hotPath;
        this.rows = rows;
        this.writer = Thread.ofPlatform().name("olyx-step-writer").daemon(true).unstarted(this::writeLoop);
        writer.start();
    }

    @Override
    public void record(Step step) {
        if (closed) {
            throw shutDown();
        }
        Pending pending = new Pending(rows.toRow(step), new CompletableFuture<>());
        if (writing.tryLock()) {
            try {
                if (writeWithQueued(new ArrayList<>(List.of(pending)))) {
                    queue.add(STOP); // the stop mark is the writer thread's to see
                }
            } finally {
                writing.unlock();
            }
        } else {
            queue.add(pending);
            if (closed && queue.remove(pending)) {
                throw shutDown(); // closing began and nobody took the step: the writer thread may be gone
            }
        }
        try {
            pending.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean stop;
            writing.lock();
            try {
                stop = writeWithQueued(batch);
            } finally {
                writing.unlock();
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /**
     * Writes {@code batch} with the steps that queued up behind it, up to {@link #MAX_BATCH}.
     *
     * @return whether the stop mark was among them
     */
    private boolean writeWithQueued(List<Pending> batch) {
        queue.drainTo(batch, MAX_BATCH - batch.size());
        boolean stop = batch.removeIf(pending -> pending == STOP);
        write(batch);
        return stop;
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            insert(batch);
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                LOG.error("could not record step {}", batch.get(0).row().id(), batchFailed);
                batch.get(0).done().completeExceptionally(batchFailed);
                return;
            }
            // One bad row must not fail its neighbours: retry them one by one.
            batch.forEach(p -> write(List.of(p)));
        }
    }

    private void insert(List<Pending> batch) {
        hotPath.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(StepRows.INSERT)) {
                for (Pending pending : batch) {
                    StepRows.bind(statement, pending.row());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** Stops taking steps and returns after every queued step is written. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writing.lock();
        try {
            while (!queue.isEmpty()) { // queued by callers that got in while the writer thread was stopping
                writeWithQueued(new ArrayList<>());
            }
        } finally {
            writing.unlock();
        }
    }

    private static IllegalStateException shutDown() {
        return new IllegalStateException("the step recorder is shut down");
    }

    private record Pending(StepTable.Row row, CompletableFuture<Void> done) {
    }
}
