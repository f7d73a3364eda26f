package io.olyx.application.trace;

import io.olyx.application.port.StepRecorder;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records steps, and has a trace's summary worked out again when a step lands in it after it ended: a call
 * admitted while the trace was pending, or a log after completion. Without it such a trace would keep a summary
 * (cost, tokens, step count, grade) that leaves those steps out.
 */
public final class SummaryRevisingRecorder implements StepRecorder {
    private final StepRecorder recorder;
    private final CompleteTrace traces;

    public SummaryRevisingRecorder(StepRecorder recorder, CompleteTrace traces) {
        this.recorder = recorder;
        this.traces = traces;
    }

    @Override
    public Landing record(Step step) {
        Landing landing = recorder.record(step);
        if (landing == Landing.ENDED_TRACE) {
            traces.revise(step.projectId(), step.traceId());
        }
        return landing;
    }

    @Override
    public void recordWithTrace(Trace trace, Step step) {
        recorder.recordWithTrace(trace, step);
    }

    @Override
    public Optional<Landing> recordAnswers(List<Step> answers, Instant leaseUntil) {
        return revisedIfLate(answers, recorder.recordAnswers(answers, leaseUntil));
    }

    @Override
    public void renewAnswers(List<Step> answers, Instant leaseUntil) {
        recorder.renewAnswers(answers, leaseUntil);
    }

    @Override
    public Optional<Landing> takeOverAnswers(List<Step> answers, Instant leaseUntil, Instant now) {
        return revisedIfLate(answers, recorder.takeOverAnswers(answers, leaseUntil, now));
    }

    private Optional<Landing> revisedIfLate(List<Step> answers, Optional<Landing> landing) {
        if (landing.filter(l -> l == Landing.ENDED_TRACE).isPresent()) {
            Step first = answers.get(0);
            traces.revise(first.projectId(), first.traceId());
        }
        return landing;
    }

    /** Only a pending trace gives answers back, so there is no summary to revise. */
    @Override
    public boolean withdrawAnswers(List<Step> answers) {
        return recorder.withdrawAnswers(answers);
    }
}
