package io.olyx.application.gateway;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.ModelSelection;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.application.port.TokenEstimator;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.gateway.BuiltinTools;
import io.olyx.domain.gateway.ContextWindow;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayFlags;
import io.olyx.domain.gateway.GatewayParameters;
import io.olyx.domain.gateway.ModelRouting;
import io.olyx.domain.gateway.Skill;
import io.olyx.domain.gateway.ToolVisibility;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.project.Project;
import io.olyx.domain.routing.Tier;
import io.olyx.domain.trace.TraceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a gateway and a request into the first round's model call: system prompt (instructions, skills, memories,
 * knowledge), the user prompt template, context limits, the assistant prefill, the visible tools, sampling (the
 * request's values over the gateway's) and the model selection (complexity routing over the gateway's models).
 */
final class CallPreparation {
    private final GatewayDirectory directory;
    private final KnowledgeStep knowledge;
    private final PromptAssembly prompts;
    private final TokenEstimator tokens;

    CallPreparation(GatewayDirectory directory, KnowledgeStep knowledge, PromptAssembly prompts,
                    TokenEstimator tokens) {
        this.directory = directory;
        this.knowledge = knowledge;
        this.prompts = prompts;
        this.tokens = tokens;
    }

    sealed interface Prepared {
        record Ready(List<ChatMessage> messages, List<ToolDefinition> tools, ChatOptions options,
                     ModelSelection selection, KeyCaller caller, Map<String, Object> details,
                     Optional<PipelineResult.Answered> rewrite) implements Prepared {
        }

        record TooLarge(int tokens, int limit) implements Prepared {
        }
    }

    Prepared prepare(Gateway gateway, ChatCommand command, KeyCaller caller, Optional<TraceId> trace,
                     List<ToolDefinition> serverTools) {
        GatewayParameters p = gateway.parameters();
        List<Skill> skills = directory.skills(gateway.projectId(), p.skills());
        KnowledgeStep.Retrieved retrieved = knowledge.retrieve(caller, gateway, command.messages(), trace);
        PromptAssembly.Assembled prompt = prompts.assemble(gateway, skills, command.externalUserId(),
                retrieved.passages());
        List<ChatMessage> messages = withSystemPrompt(templated(command.messages(), p), prompt.text(),
                p.flagged(GatewayFlags.NO_SYSTEM_INSTRUCT));
        ContextWindow.Fit fit = ContextWindow.fit(messages, p.context(), this::count);
        if (fit instanceof ContextWindow.Fit.Overflow overflow) {
            return new Prepared.TooLarge(overflow.tokens(), overflow.limit());
        }
        List<ChatMessage> fitted = new ArrayList<>(((ContextWindow.Fit.Fitted) fit).messages());
        p.prompting().assistantPrefill().ifPresent(prefill -> fitted.add(ChatMessage.assistant(prefill)));
        Map<String, Object> details = GatewayDetails.of(gateway, skills, prompt, retrieved,
                ((ContextWindow.Fit.Fitted) fit).droppedMessages());
        return new Prepared.Ready(fitted, tools(p, skills, command.tools(), serverTools),
                p.optionsFor(command.options()), selection(p, command.options()), routedCaller(caller, p.routing()),
                details, retrieved.rewrite());
    }

    private int count(ChatMessage message) {
        return tokens.promptTokens(ChatRequest.of(List.of(message)));
    }

    private static List<ChatMessage> templated(List<ChatMessage> messages, GatewayParameters p) {
        List<ChatMessage> out = new ArrayList<>(messages);
        for (int i = out.size() - 1; i >= 0 && p.prompting().userPromptTemplate().isPresent(); i--) {
            if (out.get(i).role() == ChatRole.USER) {
                out.set(i, ChatMessage.user(p.prompting().applyTemplate(out.get(i).content())));
                break;
            }
        }
        return out;
    }

    private static List<ChatMessage> withSystemPrompt(List<ChatMessage> messages, String system, boolean noSystem) {
        if (system.isBlank()) {
            return messages;
        }
        List<ChatMessage> out = new ArrayList<>(messages);
        if (!noSystem) {
            out.add(0, ChatMessage.system(system));
            return out;
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).role() == ChatRole.USER) {
                out.set(i, ChatMessage.user(system + "\n\n" + out.get(i).content()));
                return out;
            }
        }
        out.add(0, ChatMessage.user(system));
        return out;
    }

    /**
     * The gateway's tools, protocol functions and MCP tools (filtered by the enabled skills), then the request's
     * own tools and Olyx's built-ins, which no skill setting hides.
     */
    private static List<ToolDefinition> tools(GatewayParameters p, List<Skill> skills, List<ToolDefinition> requested,
                                              List<ToolDefinition> server) {
        List<ToolDefinition> hideable = new ArrayList<>(p.tools());
        List<ToolDefinition> shown = new ArrayList<>();
        server.forEach(t -> (BuiltinTools.NAMES.contains(t.name()) ? shown : hideable).add(t));
        Set<String> names = new HashSet<>();
        hideable.forEach(t -> names.add(t.name()));
        shown.forEach(t -> names.add(t.name()));
        for (ToolDefinition t : requested) {
            InvalidInput.require(names.add(t.name()), "tools", "tool \"" + t.name()
                    + "\" is already defined by the gateway");
        }
        List<ToolDefinition> visible = new ArrayList<>(ToolVisibility.visible(hideable, p.hideToolsWithoutSkill(),
                p.alwaysVisibleTools(), skills));
        visible.addAll(requested);
        visible.addAll(shown);
        return visible;
    }

    /**
     * With complexity routing, the chosen tier's reasoning effort replaces the gateway-wide one, but not one the
     * request sets itself, and none is sent under the NoReasoningEffort flag.
     */
    private static ModelSelection selection(GatewayParameters p, ChatOptions requested) {
        if (p.routing().isEmpty()) {
            return new ModelSelection.Explicit(p.modelName());
        }
        if (requested.reasoningEffort().isPresent() || p.flagged(GatewayFlags.NO_REASONING_EFFORT)) {
            return new ModelSelection.Routed();
        }
        Map<String, String> byTier = new HashMap<>();
        p.routing().get().reasoningEffort().forEach((tier, effort) -> byTier.put(tier.wire(), effort));
        return new ModelSelection.Routed(byTier);
    }

    /**
     * Complexity routing runs the pipeline's classifier over the gateway's models: the caller's project is seen
     * with its simple, medium and complex tiers pointing at the gateway's low-, medium- and high-complexity models
     * (its secure tier, for sensitive requests, stays the project's; its routing thresholds apply).
     */
    private static KeyCaller routedCaller(KeyCaller caller, Optional<ModelRouting> routing) {
        if (routing.isEmpty()) {
            return caller;
        }
        Project p = caller.project();
        Map<String, Object> tiers = new LinkedHashMap<>();
        tiers.put(Tier.SIMPLE.wire(), routing.get().low());
        tiers.put(Tier.MEDIUM.wire(), routing.get().medium());
        tiers.put(Tier.COMPLEX.wire(), routing.get().high());
        Project routed = new Project(p.id(), p.name(), p.description(), p.status(),
                p.settings().merge(Map.of("routing_tiers", tiers)), p.createdAt(), p.updatedAt());
        return new KeyCaller(caller.key(), routed);
    }
}
