package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.rag.RerankerKind;
import io.olyx.domain.routing.Tier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GatewayParametersTest {
    private static Map<String, Object> with(Object... pairs) {
        Map<String, Object> p = new HashMap<>();
        p.put("modelName", "gpt-4o");
        for (int i = 0; i < pairs.length; i += 2) {
            p.put((String) pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsApplyAndUnknownFieldsAreKeptInTheDocument() {
        GatewayParameters p = GatewayParameters.parse(with("enableBash", true, "somethingNew", Map.of("a", 1L)));
        assertThat(p.modelName()).isEqualTo("gpt-4o");
        assertThat(p.knowledge().enabled()).isFalse();
        assertThat(p.knowledge().reranker()).isEqualTo(RerankerKind.LEXICAL);
        assertThat(p.knowledge().strategy()).isEqualTo(QueryStrategy.PLAIN);
        assertThat(p.context().maximumSize()).isEmpty();
        assertThat(p.document()).containsEntry("enableBash", true).containsEntry("somethingNew", Map.of("a", 1L));
    }

    @Test
    void honouredFieldsAreReadIntoTheirTypes() {
        String collection = UUID.randomUUID().toString();
        GatewayParameters p = GatewayParameters.parse(with("temperature", 0.2, "stop", "END",
                "maxCompletionTokens", 300L, "presencePenalty", 0.5, "frequencyPenalty", -0.25, "knowledgeCollections", List.of(collection),
                "knowledgeBaseMaximumResults", 7L, "knowledgeBaseMinimumScore", 0.4, "rerankerName", "smart",
                "queryStrategy", "UserRewrite", "queryStrategyParameters", Map.of("rewriteContextSize", 2L),
                "contextMaximumSize", 4000L, "contextOverflowAction", "Truncate", "toolContextCount", 2L,
                "flags", List.of("NoStopParameter"), "assistantPrefill", "Sure",
                "builtinFunctionsOptions", Map.of("includeAllMemoryContext", true)));
        assertThat(p.sampling().temperature()).hasValue(0.2);
        assertThat(p.sampling().stop()).as("NoStopParameter drops the stop sequence").isEmpty();
        assertThat(p.sampling().maxTokens()).hasValue(300);
        assertThat(p.sampling().presencePenalty()).hasValue(0.5);
        assertThat(p.sampling().frequencyPenalty()).hasValue(-0.25);
        assertThat(GatewayParameters.parse(with("reasoningEffort", "low")).sampling().reasoningEffort())
                .contains("low");
        assertThat(GatewayParameters.parse(with("reasoningEffort", "low", "flags", List.of("NoReasoningEffort")))
                .sampling().reasoningEffort()).as("NoReasoningEffort drops it").isEmpty();
        GatewayParameters flagged = GatewayParameters.parse(with("temperature", 0.7, "maxCompletionTokens", 50L,
                "flags", List.of("NoTemperature", "NoReasoningEffort")));
        ChatOptions sent = flagged.optionsFor(ChatOptions.DEFAULTS.withTemperature(0.2).withReasoningEffort("low"));
        assertThat(sent.temperature()).as("a flagged option is dropped from the request too").isEmpty();
        assertThat(sent.reasoningEffort()).isEmpty();
        assertThat(sent.maxTokens()).as("the gateway's default fills what the request left").hasValue(50);
        assertThat(p.knowledge().collections()).containsExactly(UUID.fromString(collection));
        assertThat(p.knowledge().maximumResults()).isEqualTo(7);
        assertThat(p.knowledge().strategy().rewrites()).isTrue();
        assertThat(p.knowledge().rewriteContextSize()).isEqualTo(2);
        assertThat(p.context().overflowAction()).isEqualTo(OverflowAction.TRUNCATE);
        assertThat(p.context().toolContextCount()).hasValue(2);
        assertThat(p.prompting().assistantPrefill()).contains("Sure");
        assertThat(p.includeAllMemoryContext()).isTrue();
    }

    @Test
    void modelRoutingKeepsEachTiersReasoningEffortWhereOneIsSet() {
        ModelRouting routing = GatewayParameters.parse(with("modelRoutingParameters", Map.of(
                "lowComplexityModelName", "mini", "lowComplexityModelReasoningEffort", "minimal",
                "mediumComplexityModelName", "mid", "mediumComplexityModelReasoningEffort", " ",
                "highComplexityModelName", "big", "highComplexityModelReasoningEffort", "high")))
                .routing().orElseThrow();

        assertThat(routing.reasoningEffort()).containsOnly(Map.entry(Tier.SIMPLE, "minimal"),
                Map.entry(Tier.COMPLEX, "high"));
        assertThatThrownBy(() -> GatewayParameters.parse(with("modelRoutingParameters", Map.of(
                "lowComplexityModelName", "mini", "mediumComplexityModelName", "mid", "highComplexityModelName", "big",
                "mediumComplexityModelReasoningEffort", "Very High"))))
                .hasMessageContaining("parameters.modelRoutingParameters.mediumComplexityModelReasoningEffort");
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> GatewayParameters.parse(Map.of())).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("parameters.modelName");
        assertThatThrownBy(() -> GatewayParameters.parse(with("topP", 0))).hasMessageContaining("parameters.topP");
        assertThatThrownBy(() -> GatewayParameters.parse(with("maxCompletionTokens", 2147483648L)))
                .hasMessage("parameters.maxCompletionTokens must be at most 2147483647");
        assertThatThrownBy(() -> GatewayParameters.parse(with("presencePenalty", 2.5)))
                .hasMessageContaining("parameters.presencePenalty");
        assertThatThrownBy(() -> GatewayParameters.parse(with("reasoningEffort", "Very High")))
                .hasMessageContaining("parameters.reasoningEffort");
        assertThatThrownBy(() -> GatewayParameters.parse(with("reasoningEffort", "ultra")))
                .hasMessage("parameters.reasoningEffort must be one of none, minimal, low, medium, high, xhigh");
        assertThatThrownBy(() -> GatewayParameters.parse(with("modelRoutingParameters", Map.of(
                "highComplexityModelName", "big", "highComplexityModelReasoningEffort", "ultra"))))
                .hasMessageContaining("parameters.modelRoutingParameters.highComplexityModelReasoningEffort");
        assertThatThrownBy(() -> GatewayParameters.parse(with("knowledgeCollections", List.of("nope"))))
                .hasMessageContaining("parameters.knowledgeCollections");
        assertThatThrownBy(() -> GatewayParameters.parse(with("rerankerName", "magic")))
                .hasMessageContaining("parameters.rerankerName");
        assertThatThrownBy(() -> GatewayParameters.parse(with("queryStrategy", "Guess")))
                .hasMessageContaining("Plain, Concatenate, FullRewrite, UserRewrite, QueryFunction");
        assertThatThrownBy(() -> GatewayParameters.parse(with("systemInstructionsSources",
                List.of(Map.of("name", "ab", "url", "https://x.example"))))).hasMessageContaining("[0].name");
        assertThatThrownBy(() -> GatewayParameters.parse(with("modelRoutingParameters",
                Map.of("lowComplexityModelName", "a")))).hasMessageContaining("mediumComplexityModelName");
    }

    @Test
    void toolNamesAreUniqueAndBuiltinNamesAreReserved() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of());
        Map<String, Object> function = Map.of("name", "lookup", "description", "Looks things up.",
                "callbackUrl", "https://hooks.example/lookup", "contentFormat", schema);
        assertThatThrownBy(() -> GatewayParameters.parse(with("protocolFunctions", List.of(function),
                "tools", List.of(Map.of("name", "lookup", "parameters", schema))))).hasMessageContaining("twice");
        assertThatThrownBy(() -> GatewayParameters.parse(with("tools", List.of(Map.of("name",
                BuiltinTools.REMEMBER, "parameters", schema))))).hasMessageContaining("reserved");
        GatewayParameters ok = GatewayParameters.parse(with("protocolFunctions", List.of(function)));
        assertThat(ok.protocolFunctions().get(0).tool().name()).isEqualTo("lookup");
    }
}
