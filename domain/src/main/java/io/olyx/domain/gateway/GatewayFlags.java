package io.olyx.domain.gateway;

import io.olyx.domain.common.InvalidInput;
import java.util.List;
import java.util.Set;

/** The seed's gateway flags: all are accepted and stored; the ones named here change what Olyx sends. */
public final class GatewayFlags {
    /** The model takes no system role: instructions go at the top of the first user message instead. */
    public static final String NO_SYSTEM_INSTRUCT = "NoSystemInstruct";
    public static final String NO_TEMPERATURE = "NoTemperature";
    public static final String NO_STOP_PARAMETER = "NoStopParameter";
    public static final String NO_ASSISTANT_PREFILLING = "NoAssistantPrefilling";
    public static final String NO_REASONING_EFFORT = "NoReasoningEffort";

    public static final Set<String> HONOURED = Set.of(NO_SYSTEM_INSTRUCT, NO_TEMPERATURE, NO_STOP_PARAMETER,
            NO_ASSISTANT_PREFILLING, NO_REASONING_EFFORT);
    public static final Set<String> ALL = Set.of("NoSystemInstruct", "NoTemperature", "ThinkingProcess",
            "NoAssistantPrefilling", "ReturnReasoningTokens", "DisableMultiModalInput", "DiffusingStream",
            "OpenAiStrictJson", "StructuredOutputSupport", "PreserveThinkingTokens", "NoStopParameter",
            "NoReasoningEffort", "RewriteToolCallsAsUserMessages", "DisableReasoningSummary",
            "DisableReasoningDetails", "IncludeStoredReasoning", "StrictUserAssistantTurns");

    private GatewayFlags() {
    }

    static List<String> read(JsonFields p) {
        List<String> flags = p.strings("flags");
        for (String flag : flags) {
            InvalidInput.require(ALL.contains(flag), p.name("flags"), p.name("flags") + " has an unknown flag \""
                    + flag + "\"");
        }
        return flags;
    }
}
