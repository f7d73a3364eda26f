package io.olyx.application.pipeline;

import io.olyx.domain.guard.GuardPolicy;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The project's {@code guardrails.max_input_length}, checked after admission and before any guardrail scans the
 * input, so every model endpoint refuses an over-long input alike: {@link PipelineResult.InputTooLong} (a 422), with
 * no step recorded, as a malformed request would be.
 */
final class InputLength {
    private InputLength() {
    }

    /**
     * The lengths of the inputs a model receives, each on its own: a chat's user text (its user messages together,
     * as the model reads them as one conversation), each text of an embedding request (each is embedded alone), an
     * image prompt.
     */
    static Optional<PipelineResult> exceeded(GuardPolicy policy, LongStream lengths) {
        return lengths.anyMatch(length -> length > policy.maxInputLength())
                ? Optional.of(new PipelineResult.InputTooLong(policy.maxInputLength())) : Optional.empty();
    }
}
