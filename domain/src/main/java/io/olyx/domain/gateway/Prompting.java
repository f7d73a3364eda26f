package io.olyx.domain.gateway;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a gateway shapes the turns around the model: a template the last user message is put into ({@code {prompt}}
 * marks where; without it the message follows the template), and an assistant prefill the model continues from,
 * optionally shown at the start of the answer.
 */
public record Prompting(Optional<String> userPromptTemplate, Optional<String> assistantPrefill,
                        boolean includePrefillInAnswer) {
    public static final String PROMPT_PLACEHOLDER = "{prompt}";
    public static final Prompting NONE = new Prompting(Optional.empty(), Optional.empty(), false);

    public Prompting {
        Objects.requireNonNull(userPromptTemplate, "userPromptTemplate");
        Objects.requireNonNull(assistantPrefill, "assistantPrefill");
    }

    public String applyTemplate(String userMessage) {
        return userPromptTemplate.map(t -> t.contains(PROMPT_PLACEHOLDER) ? t.replace(PROMPT_PLACEHOLDER, userMessage)
                : t + "\n\n" + userMessage).orElse(userMessage);
    }

    static Prompting read(JsonFields p, List<String> flags) {
        Optional<String> prefill = flags.contains(GatewayFlags.NO_ASSISTANT_PREFILLING) ? Optional.empty()
                : p.text("assistantPrefill");
        return new Prompting(p.text("userPromptTemplate"), prefill, p.flag("includePrefillingInMessages", false));
    }
}
