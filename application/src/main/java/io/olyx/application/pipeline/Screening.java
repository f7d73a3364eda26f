package io.olyx.application.pipeline;

import io.olyx.domain.guard.Finding;
import io.olyx.domain.guard.GuardReport;
import io.olyx.domain.guard.PiiEntity;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.trace.StepSecurity;
import java.util.List;
import java.util.Optional;

/**
 * The input guardrails' verdict on a whole conversation: the messages to send on (redacted where policy says so),
 * whether the request is sensitive (PII kept, so it needs the secure tier), and why it is blocked if it is.
 */
public record Screening(List<ChatMessage> messages, StepSecurity security, boolean sensitive,
                        Optional<String> blockReason, List<PiiEntity> piiEntities, List<Finding> findings) {
    public Screening {
        messages = List.copyOf(messages);
        piiEntities = List.copyOf(piiEntities);
        findings = List.copyOf(findings);
    }

    public boolean blocked() {
        return blockReason.isPresent();
    }

    static String reasonText(String code) {
        return switch (code) {
            case GuardReport.INJECTION_DETECTED -> "Prompt injection detected";
            case GuardReport.SECRET_DETECTED -> "Secret or credential detected in the input";
            case GuardReport.PII_DETECTED -> "Personal data detected";
            case GuardReport.INPUT_TOO_LONG -> "Input exceeds the project's max_input_length";
            default -> code;
        };
    }
}
