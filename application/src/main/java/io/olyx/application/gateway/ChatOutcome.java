package io.olyx.application.gateway;

import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.UsageLine;
import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.common.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How a /v1 chat completion ends. */
public sealed interface ChatOutcome {
    /**
     * The final answer (its text may start with the gateway's prefill; its tool calls are only the client's), the
     * usage of every model call it took, priced line by line, and the server-side functions it ran.
     */
    record Completed(PipelineResult.Answered answer, Optional<Gateway> gateway, TokenUsage usage,
                     List<UsageLine> usageLines, List<FunctionRun> functions) implements ChatOutcome {
        public Completed {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(usage, "usage");
            usageLines = List.copyOf(usageLines);
            functions = List.copyOf(functions);
        }
    }

    /** The pipeline refused or failed a model call (rendered like every other model endpoint's errors). */
    record Failed(PipelineResult result) implements ChatOutcome {
    }

    /** Neither a gateway of the project nor a registered model. */
    record UnknownModel(String model) implements ChatOutcome {
    }

    /** Over the gateway's contextMaximumSize with contextOverflowAction Throw (or nothing fits even truncated). */
    record ContextTooLarge(int tokens, int limit) implements ChatOutcome {
    }

    /** One server-side tool call: a protocol function, the memory tool, knowledge search or an MCP tool. */
    record FunctionRun(String toolCallId, String name, Map<String, Object> arguments, boolean succeeded,
                       String output, double durationMs) {
        public FunctionRun {
            arguments = JsonValues.freezeObject(arguments);
        }
    }
}
