package io.olyx.application.port;

import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Makes a step durable. When {@code record} returns the step is committed to the database, so an answer sent after
 * it can never refer to a lost step; implementations batch concurrent calls into shared commits to keep this cheap.
 */
public interface StepRecorder {
    /**
     * @return where the step landed, as read after its commit: in a trace that had ended by then (a call admitted
     *         while it was pending, a log after completion), whose summary must be worked out again to include it
     */
    Landing record(Step step);

    /**
     * Records the one step of a call that opened its own trace together with that trace, as given (already ended),
     * in the same commit: neither is ever durable without the other, and such a call costs one commit, not three.
     */
    void recordWithTrace(Trace trace, Step step);

    /**
     * Records a caller's answers to tool calls of one run step: tool_call steps under it, each naming the call it
     * answers in its details' {@code tool_call_id}. All of them are committed together or none is, and a call takes
     * one answer: the database refuses a second one, also when two answers race on nodes sharing it.
     *
     * @param leaseUntil until when the answers' request counts as alive without a {@link #renewAnswers renewal}
     * @return where they landed (see {@link #record}), or empty when one of the calls had an answer already, in
     *         which case nothing was recorded
     */
    Optional<Landing> recordAnswers(List<Step> answers, Instant leaseUntil);

    /** Pushes the lease of answers {@link #recordAnswers} committed on, while their request is still running. */
    void renewAnswers(List<Step> answers, Instant leaseUntil);

    /**
     * Records answers in place of abandoned ones: under the run step they answer, the answers whose lease ran out
     * before {@code now} are removed and these recorded, in one transaction, but only while the trace is pending and
     * no step other than an answer follows that run step (a model answer or a block, which decided on them). An
     * answer whose lease still runs keeps its call, so of two takeovers racing for the same calls one wins.
     *
     * @return where they landed, or empty when one of the calls has an answer that is not abandoned (or the answers
     *         were decided on), in which case nothing changed
     */
    Optional<Landing> takeOverAnswers(List<Step> answers, Instant leaseUntil, Instant now);

    /**
     * Removes answers that {@link #recordAnswers} committed, when the request that sent them ended before any model
     * answered them (a rate limit, failed providers): their calls are open again, so the
     * caller can send the same answers once more, as seed 002's retry rules expect of a 429 or a 5xx. Answers in a
     * trace that has ended meanwhile are kept, since its summary may count them; it takes no retry anyway.
     *
     * @return whether they were removed
     */
    boolean withdrawAnswers(List<Step> answers);

    enum Landing { OPEN_TRACE, ENDED_TRACE }
}
