package io.olyx.domain.gateway;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.llm.ToolNormalization;
import io.olyx.domain.llm.ToolNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A gateway's {@code parameters} object (seed 003): the whole document exactly as given (so fields Olyx does not
 * act on yet are kept and returned), and the typed view of the fields it does act on, validated once here.
 */
public record GatewayParameters(Map<String, Object> document, String modelName, List<SkillId> skills,
                                boolean hideToolsWithoutSkill, List<String> alwaysVisibleTools,
                                KnowledgeSettings knowledge, ChatOptions sampling, ContextLimits context,
                                Optional<String> systemInstruction, List<RemoteSource> instructionSources,
                                List<RemoteSource> mcpSources, List<ProtocolFunction> protocolFunctions,
                                List<ToolDefinition> tools, Prompting prompting, List<String> flags,
                                Optional<ModelRouting> routing, boolean includeAllMemoryContext) {
    private static final String P = "parameters";
    private static final Set<String> RESERVED = BuiltinTools.NAMES;

    public GatewayParameters {
        document = JsonValues.freezeObject(document);
        Objects.requireNonNull(modelName, "modelName");
        skills = List.copyOf(skills);
        alwaysVisibleTools = List.copyOf(alwaysVisibleTools);
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(context, "context");
        instructionSources = List.copyOf(instructionSources);
        mcpSources = List.copyOf(mcpSources);
        protocolFunctions = List.copyOf(protocolFunctions);
        tools = List.copyOf(tools);
        Objects.requireNonNull(prompting, "prompting");
        flags = List.copyOf(flags);
        Objects.requireNonNull(routing, "routing");
    }

    /** Validates a {@code parameters} document; every problem is an {@link InvalidInput} naming its field. */
    public static GatewayParameters parse(Map<String, Object> document) {
        JsonFields p = new JsonFields(document, P);
        List<String> flags = GatewayFlags.read(p);
        List<SkillId> skills = new ArrayList<>();
        for (String id : p.strings("skills")) {
            skills.add(SkillId.parse(id).orElseThrow(() -> new InvalidInput(P + ".skills",
                    P + ".skills must hold skill ids (UUIDs), got \"" + id + "\"")));
        }
        List<ProtocolFunction> functions = p.objects("protocolFunctions").stream().map(ProtocolFunction::read)
                .toList();
        List<ToolDefinition> tools = tools(p);
        requireDistinctNames(functions, tools);
        return new GatewayParameters(document, p.requireText("modelName").strip(), List.copyOf(skills),
                p.flag("hideToolsWithoutSkill", false), p.strings("alwaysVisibleTools"), KnowledgeSettings.read(p),
                Sampling.read(p, flags), ContextLimits.read(p), p.text("systemInstruction"),
                p.objects("systemInstructionsSources").stream().map(RemoteSource::read).toList(),
                p.objects("mcpSources").stream().map(RemoteSource::read).toList(), functions, tools,
                Prompting.read(p, flags), flags, ModelRouting.read(p),
                p.child("builtinFunctionsOptions").flag("includeAllMemoryContext", false));
    }

    /** A request's options over this gateway's sampling defaults, less what its flags say the model rejects. */
    public ChatOptions optionsFor(ChatOptions requested) {
        return Sampling.withoutFlagged(requested.orElse(sampling), flags);
    }

    public boolean flagged(String flag) {
        return flags.contains(flag);
    }

    /** Every model this gateway may call: its own, or the three of its complexity routing. */
    public Set<String> modelNames() {
        Set<String> names = new HashSet<>();
        names.add(modelName);
        routing.ifPresent(r -> names.addAll(List.of(r.low(), r.medium(), r.high())));
        return names;
    }

    private static List<ToolDefinition> tools(JsonFields p) {
        List<Object> raw = p.list("tools");
        return switch (ToolNormalizer.normalize(raw)) {
            case ToolNormalization.Normalized normalized -> normalized.tools();
            case ToolNormalization.Rejected rejected -> throw new InvalidInput(P + "." + rejected.path(),
                    P + "." + rejected.path() + ": " + rejected.message());
        };
    }

    private static void requireDistinctNames(List<ProtocolFunction> functions, List<ToolDefinition> tools) {
        Set<String> names = new HashSet<>();
        for (ToolDefinition t : tools) {
            InvalidInput.require(!RESERVED.contains(t.name()), P + ".tools", "tool name \"" + t.name()
                    + "\" is reserved for Olyx's built-in tools");
            names.add(t.name());
        }
        for (ProtocolFunction f : functions) {
            InvalidInput.require(!RESERVED.contains(f.name()), P + ".protocolFunctions", "function name \""
                    + f.name() + "\" is reserved for Olyx's built-in tools");
            InvalidInput.require(names.add(f.name()), P + ".protocolFunctions",
                    "tool name \"" + f.name() + "\" is used twice among tools and protocolFunctions");
        }
    }
}
