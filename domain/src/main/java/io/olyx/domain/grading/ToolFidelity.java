package io.olyx.domain.grading;

import io.olyx.domain.trace.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How faithfully the model's tool calls matched the declared tools, 0–1: the mean over every requested call of
 * <ul>
 *   <li>0 when the name is not a declared tool (a hallucinated tool),</li>
 *   <li>0.5 when the tool exists but the arguments break its parameter schema (see {@link JsonSchemaSubset}):
 *       a missing required argument, a wrong type, a value outside its enum or bounds, an unexpected property;</li>
 *   <li>1 when the name is declared and the arguments are valid (or the tool declares no schema).</li>
 * </ul>
 * A call is checked against the tools declared on its own run step, or, when that step declared none (a
 * continuation turn), against every tool declared in the trace. Empty when no calls were made, or when tools were
 * never declared anywhere in the trace (then there is nothing to measure fidelity against).
 */
final class ToolFidelity {
    static final double UNKNOWN_TOOL = 0.0;
    static final double INVALID_ARGUMENTS = 0.5;
    static final double VALID = 1.0;

    private ToolFidelity() {
    }

    static Optional<Double> score(List<Step> orderedSteps) {
        Map<String, ToolCalls.DeclaredTool> traceTools = new LinkedHashMap<>();
        orderedSteps.forEach(step -> ToolCalls.declared(step).forEach(traceTools::putIfAbsent));
        if (traceTools.isEmpty()) {
            return Optional.empty();
        }
        double sum = 0;
        int calls = 0;
        for (Step step : orderedSteps) {
            Map<String, ToolCalls.DeclaredTool> own = ToolCalls.declared(step);
            Map<String, ToolCalls.DeclaredTool> tools = own.isEmpty() ? traceTools : own;
            for (ToolCalls.RequestedCall call : ToolCalls.requested(step)) {
                sum += scoreOf(call, tools);
                calls++;
            }
        }
        return calls == 0 ? Optional.empty() : Optional.of(Rounding.ratio(sum / calls));
    }

    static double scoreOf(ToolCalls.RequestedCall call, Map<String, ToolCalls.DeclaredTool> tools) {
        ToolCalls.DeclaredTool tool = tools.get(call.name());
        if (tool == null) {
            return UNKNOWN_TOOL;
        }
        return tool.parameters().map(schema -> JsonSchemaSubset.isValid(call.arguments(), schema) ? VALID
                : INVALID_ARGUMENTS).orElse(VALID);
    }
}
