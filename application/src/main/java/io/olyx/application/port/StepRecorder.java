package io.olyx.application.port;

import io.olyx.domain.trace.Step;

/**
 * Makes a step durable. When {@code record} returns the step is committed to the database, so an answer sent after
 * it can never refer to a lost step; implementations batch concurrent calls into shared commits to keep this cheap.
 */
@FunctionalInterface
public interface StepRecorder {
    void record(Step step);
}
