package io.olyx.application.pipeline;

import io.olyx.domain.guard.Finding;
import io.olyx.domain.guard.FindingCategory;
import io.olyx.domain.guard.GuardDecision;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.GuardReport;
import io.olyx.domain.guard.Guardrails;
import io.olyx.domain.guard.PiiEntity;
import io.olyx.domain.guard.Redactor;
import io.olyx.domain.guard.SecretAction;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.trace.StepSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the input guardrails over every user and tool message (the texts a caller does not fully control), then
 * decides for the whole request: block, redact (PII when the endpoint redacts, secrets when policy says so), or pass
 * on with the request marked sensitive so routing picks the secure tier.
 */
public final class InputScreen {
    private final Guardrails guardrails;
    private final Redactor redactor = new Redactor();

    public InputScreen(Guardrails guardrails) {
        this.guardrails = guardrails;
    }

    public Screening screen(List<ChatMessage> messages, GuardPolicy policy, boolean redactPii) {
        List<ChatMessage> out = new ArrayList<>(messages.size());
        List<Finding> findings = new ArrayList<>();
        List<PiiEntity> pii = new ArrayList<>();
        Optional<String> block = Optional.empty();
        double risk = 0;
        boolean piiKept = false;
        boolean injection = false;
        boolean secret = false;
        int offset = 0;
        for (ChatMessage message : messages) {
            if (!screened(message)) {
                out.add(message);
                continue;
            }
            GuardReport report = guardrails.scanInput(message.content(), policy);
            risk = Math.max(risk, Sensitivity.risk(report));
            injection |= report.findings(FindingCategory.INJECTION).stream()
                    .anyMatch(f -> f.confidence() >= policy.blockThreshold());
            secret |= report.secretLeaked();
            findings.addAll(report.findings());
            for (PiiEntity entity : report.piiEntities()) {
                pii.add(new PiiEntity(entity.type(), entity.start() + offset, entity.end() + offset));
            }
            if (report.decision() == GuardDecision.BLOCK && block.isEmpty()) {
                block = report.reason();
            }
            List<Finding> toRedact = report.findings().stream().filter(f -> redacts(f, policy, redactPii)).toList();
            piiKept |= !redactPii && report.findings(FindingCategory.PII).stream().anyMatch(Sensitivity::identifying);
            out.add(toRedact.isEmpty() ? message : withContent(message, redactor.redact(message.content(), toRedact)));
            offset += message.content().length() + 1;
        }
        StepSecurity security = new StepSecurity(!pii.isEmpty(), injection, secret, Math.min(1.0, risk));
        return new Screening(out, security, piiKept, block, pii, findings);
    }

    private static boolean screened(ChatMessage message) {
        return (message.role() == ChatRole.USER || message.role() == ChatRole.TOOL) && !message.content().isEmpty();
    }

    private static boolean redacts(Finding finding, GuardPolicy policy, boolean redactPii) {
        return switch (finding.category()) {
            case PII -> redactPii && Sensitivity.identifying(finding);
            case SECRET -> policy.secretAction() != SecretAction.ALERT;
            case INJECTION -> false;
        };
    }

    private static ChatMessage withContent(ChatMessage message, String content) {
        return new ChatMessage(message.role(), content, message.toolCalls(), message.toolCallId());
    }
}
