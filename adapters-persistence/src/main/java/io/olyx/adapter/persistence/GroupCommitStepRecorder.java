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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers hand their step to one writer thread and wait; the writer inserts everything that queued up
 * meanwhile in a single transaction and releases all of them when it commits. Under load one commit covers many
 * requests, so durability costs a fraction of a commit per request; when idle a step is written at once.
 * A caller returns only after its own step is committed — that is what "acknowledged" means here.
 */
final class GroupCommitStepRecorder implements StepRecorder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitStepRecorder.class);
    private static final int MAX_BATCH = 500;
    private static final Pending STOP = new Pending(null, null);

    private final HotPath hotPath;
    private final StepRows rows;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
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
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            throw shutDown(); // closing began and nobody took the step: the writer thread may be gone
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
            boolean stop = writeWithQueued(batch);
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
            return;
        }
        while (!queue.isEmpty()) { // queued by callers that got in while the writer thread was stopping
            writeWithQueued(new ArrayList<>());
        }
    }

    private static IllegalStateException shutDown() {
        return new IllegalStateException("the step recorder is shut down");
    }

    private record Pending(StepTable.Row row, CompletableFuture<Void> done) {
    }
}
