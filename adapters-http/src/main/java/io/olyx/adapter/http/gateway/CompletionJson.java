package io.olyx.adapter.http.gateway;

import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.MoneyJson;
import io.olyx.adapter.http.execution.OpenAiJson;
import io.olyx.adapter.http.execution.PipelineErrors;
import io.olyx.application.gateway.ChatOutcome;
import io.olyx.domain.gateway.UsageLine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The /v1 answer: OpenAI's chat.completion (usage added up over every round of the call) plus the seed's
 * {@code generation_context}: priced usage lines and the server-side functions that ran.
 */
final class CompletionJson {
    private CompletionJson() {
    }

    static Map<String, Object> completion(ChatOutcome.Completed done) {
        Map<String, Object> json = new LinkedHashMap<>(OpenAiJson.completion(done.answer()));
        json.put("usage", OpenAiJson.usage(done.usage()));
        json.put("service_tier", "default");
        json.put("generation_context", generationContext(done));
        return json;
    }

    static Map<String, Object> generationContext(ChatOutcome.Completed done) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("generated_usage", done.usageLines().stream().map(CompletionJson::line).toList());
        context.put("runned_functions", done.functions().stream().map(CompletionJson::function).toList());
        return context;
    }

    /** Every way a /v1 call fails, in the seed's error shape. */
    static ApiError error(ChatOutcome outcome) {
        return switch (outcome) {
            case ChatOutcome.Failed failed -> PipelineErrors.of(failed.result());
            case ChatOutcome.UnknownModel unknown -> ApiError.of(404, "model_not_found", "The model \""
                    + unknown.model() + "\" is neither an AI gateway nor a registered model of this project");
            case ChatOutcome.ContextTooLarge tooLarge -> ApiError.badRequest("context_length_exceeded",
                    "The conversation is " + tooLarge.tokens() + " tokens; this gateway accepts at most "
                            + tooLarge.limit()).with("limit", tooLarge.limit()).with("tokens", tooLarge.tokens());
            case ChatOutcome.Completed completed -> throw new IllegalStateException("an answer is not an error");
        };
    }

    private static Map<String, Object> line(UsageLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sku", line.sku());
        json.put("amount", MoneyJson.amount(line.amount()));
        json.put("unit_price", MoneyJson.amount(line.unitPrice()));
        json.put("quantity", line.quantity());
        json.put("description", line.description());
        return json;
    }

    private static Map<String, Object> function(ChatOutcome.FunctionRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.toolCallId());
        json.put("name", run.name());
        json.put("arguments", run.arguments());
        json.put("succeeded", run.succeeded());
        json.put("output", run.output());
        json.put("duration_ms", Math.round(run.durationMs() * 100) / 100.0);
        return json;
    }

}
