package io.olyx.adapter.persistence;

import io.olyx.application.port.OwnerDeleted;
import io.olyx.application.port.StepRecorder;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers hand their step to one writer thread and wait; the writer inserts everything that queued up
 * meanwhile in a single transaction and releases all of them when it commits. Under load one commit covers many
 * requests, so durability costs a fraction of a commit per request; when idle a step is written at once.
 * A caller returns only after its own step is committed — that is what "acknowledged" means here. A caller's answers
 * to tool calls are one write: committed together or not at all, and refused (not failed) when the database already
 * holds an answer to one of their calls.
 */
final class GroupCommitStepRecorder implements StepRecorder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitStepRecorder.class);
    private static final int MAX_BATCH = 500;
    private static final Pending STOP = new Pending(null, null);

    private final HotPath hotPath;
    private final StepRows steps;
    private final TraceRows traces;
    private final AnswerStatements answerStatements;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    GroupCommitStepRecorder(HotPath hotPath, StepRows steps, TraceRows traces) {
        this.hotPath = hotPath;
        this.steps = steps;
        this.traces = traces;
        this.answerStatements = new AnswerStatements(hotPath);
        this.writer = Thread.ofPlatform().name("olyx-step-writer").daemon(true).unstarted(this::writeLoop);
        writer.start();
    }

    @Override
    public Landing record(Step step) {
        return submit(new Write(null, List.of(steps.toRow(step)), null)).orElseThrow();
    }

    @Override
    public void recordWithTrace(Trace trace, Step step) {
        submit(new Write(traces.toRow(trace), List.of(steps.toRow(step)), null));
    }

    @Override
    public Optional<Landing> recordAnswers(List<Step> answers, Instant leaseUntil) {
        return submit(answersWrite(answers, leaseUntil));
    }

    /** One statement past the writer thread: renewals come every few seconds per long request, not per step. */
    @Override
    public void renewAnswers(List<Step> answers, Instant leaseUntil) {
        answerStatements.renew(answers, leaseUntil);
    }

    /**
     * Past the writer thread, in a transaction of its own: a takeover is rare (a node died), and its delete must not
     * share a commit with, or roll back, other requests' steps. Racing takeovers meet at the abandoned rows (the
     * second waits for the first's delete) or at the unique index on answers (the second insert is refused).
     */
    @Override
    public Optional<Landing> takeOverAnswers(List<Step> answers, Instant leaseUntil, Instant now) {
        Write write = answersWrite(answers, leaseUntil);
        if (answers.stream().map(Step::parentStepId).distinct().count() != 1) {
            throw new IllegalArgumentException("answers taking over are answers to one run step");
        }
        try {
            hotPath.inTransaction(connection -> {
                AnswerStatements.deleteAbandoned(connection, answers.get(0), now);
                insertAnswers(connection, List.of(write));
            });
        } catch (RuntimeException e) {
            if (AnswerStatements.answeredAlready(e) || AnswerStatements.conflicting(e)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(endedTraces(List.of(write)).isEmpty() ? Landing.OPEN_TRACE : Landing.ENDED_TRACE);
    }

    private Write answersWrite(List<Step> answers, Instant leaseUntil) {
        if (answers.isEmpty() || answers.stream().map(Step::traceId).distinct().count() != 1) {
            throw new IllegalArgumentException("answers are one or more steps of one trace");
        }
        return new Write(null, answers.stream().map(steps::toAnswerRow).toList(), Rows.utc(leaseUntil));
    }

    /**
     * Deletes the answers in one statement, past the writer thread: they were committed when {@link #recordAnswers}
     * returned, and a withdrawal is rare (a request that failed), so it need not share a commit with others.
     */
    @Override
    public boolean withdrawAnswers(List<Step> answers) {
        return answerStatements.withdraw(answers);
    }

    /** @return where the write landed, or empty when it was answers the database refused as already given */
    private Optional<Landing> submit(Write write) {
        if (closed) {
            throw shutDown();
        }
        Pending pending = new Pending(write, new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            throw shutDown(); // closing began and nobody took the step: the writer thread may be gone
        }
        try {
            return pending.done().join();
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
        List<Write> writes = batch.stream().map(Pending::write).toList();
        try {
            insert(writes);
        } catch (RuntimeException batchFailed) {
            if (batch.size() > 1) {
                // One bad write must not fail its neighbours: retry them one by one.
                batch.forEach(p -> write(List.of(p)));
            } else if (batch.get(0).write().answers() && AnswerStatements.answeredAlready(batchFailed)) {
                batch.get(0).done().complete(Optional.empty());
            } else if (ForeignKeys.ownerDeleted(batchFailed).orElse(null) instanceof OwnerDeleted gone) {
                // a step of a project (or trace) deleted while its request ran: the caller answers 404
                LOG.warn("step {} not recorded: its {} was deleted meanwhile",
                        batch.get(0).write().steps().get(0).id(), gone.owner().toLowerCase(Locale.ROOT));
                batch.get(0).done().completeExceptionally(gone);
            } else {
                LOG.error("could not record step {}", batch.get(0).write().steps().get(0).id(), batchFailed);
                batch.get(0).done().completeExceptionally(batchFailed);
            }
            return;
        }
        Set<UUID> ended = endedTraces(writes);
        batch.forEach(p -> p.done().complete(Optional.of(ended.contains(p.write().traceId()) ? Landing.ENDED_TRACE
                : Landing.OPEN_TRACE)));
    }

    /**
     * The traces, among those the batch's steps went into, that no longer take steps. Read after the commit, so a
     * trace that ends after this read was ended with these steps already committed and in its summary.
     */
    private Set<UUID> endedTraces(List<Write> writes) {
        Object[] existing = writes.stream().filter(w -> w.trace() == null).map(Write::traceId).distinct().toArray();
        if (existing.length == 0) {
            return Set.of();
        }
        try {
            return hotPath.list("SELECT id, status FROM traces WHERE id IN ("
                            + HotPath.parameterMarkers(existing.length) + ")",
                    (rs, ctx) -> Map.entry(Rows.uuid(rs, "id"), rs.getString("status")), existing).stream()
                    .filter(row -> TraceStatus.parse(row.getValue()).filter(TraceStatus::ended).isPresent())
                    .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
        } catch (RuntimeException e) {
            // the steps are committed: their callers are answered, only a late step's summary revision is lost
            LOG.warn("could not read the status of the traces of {} committed steps", writes.size(), e);
            return Set.of();
        }
    }

    /**
     * The opened traces first, then every step, then callers' answers with their lease: up to three batched
     * statements in one transaction (the third only in a batch that holds answers).
     */
    private void insert(List<Write> batch) {
        hotPath.inTransaction(connection -> {
            insertAll(connection, TraceRows.INSERT, batch.stream().map(Write::trace).filter(Objects::nonNull).toList(),
                    TraceRows::bind);
            insertAll(connection, StepRows.INSERT, batch.stream().filter(w -> !w.answers())
                    .flatMap(w -> w.steps().stream()).toList(), StepRows::bind);
            insertAnswers(connection, batch.stream().filter(Write::answers).toList());
        });
    }

    private static void insertAnswers(Connection connection, List<Write> answers) throws SQLException {
        insertAll(connection, StepRows.INSERT_ANSWER, answers.stream()
                        .flatMap(w -> w.steps().stream().map(row -> new LeasedRow(row, w.leaseUntil()))).toList(),
                (statement, leased) -> StepRows.bindAnswer(statement, leased.row(), leased.leaseUntil()));
    }

    private static <R> void insertAll(Connection connection, String sql, List<R> rows, Binder<R> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (R row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
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

    /**
     * The rows of steps of one trace, committed together, with the row of the trace they opened ({@code null} when
     * they record into an existing one); {@code leaseUntil} is set for a caller's answers to tool calls (which may be
     * refused), {@code null} for every other write.
     */
    private record Write(TraceDao.Row trace, List<StepTable.Row> steps, OffsetDateTime leaseUntil) {
        UUID traceId() {
            return steps.get(0).traceId();
        }

        boolean answers() {
            return leaseUntil != null;
        }
    }

    private record LeasedRow(StepTable.Row row, OffsetDateTime leaseUntil) {
    }

    private record Pending(Write write, CompletableFuture<Optional<Landing>> done) {
    }

    private interface Binder<R> {
        void bind(PreparedStatement statement, R row) throws SQLException;
    }
}
