package io.olyx.application.pipeline;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.project.ProjectSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step may keep of its payloads (seed 002 telemetry modes). {@code public} projects keep prompts and
 * completions as sent; {@code anonymized} projects keep a hash, the size and the message count instead, so the trace
 * still shows that something was said and how much, never what.
 */
public final class Telemetry {
    private Telemetry() {
    }

    /** A single user prompt is kept as its text; a conversation as role/content messages. */
    public static Object conversation(ProjectSettings settings, List<ChatMessage> messages) {
        if (messages.size() == 1 && messages.get(0).role() == ChatRole.USER) {
            return text(settings, messages.get(0).content());
        }
        if (settings.anonymized()) {
            StringBuilder all = new StringBuilder();
            messages.forEach(m -> all.append(m.role().wire()).append(':').append(m.content()).append('\n'));
            Map<String, Object> summary = summary(all.toString());
            summary.put("messages", messages.size());
            return summary;
        }
        return messages.stream().map(Telemetry::message).toList();
    }

    public static Object text(ProjectSettings settings, String text) {
        return settings.anonymized() ? summary(text) : text;
    }

    private static Map<String, Object> message(ChatMessage m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("role", m.role().wire());
        json.put("content", m.content());
        m.toolCallId().ifPresent(id -> json.put("tool_call_id", id));
        if (m.hasToolCalls()) {
            json.put("tool_calls", m.toolCalls().stream().map(c -> Map.of("id", c.id(), "name", c.name())).toList());
        }
        return json;
    }

    private static Map<String, Object> summary(String text) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("anonymized", true);
        json.put("sha256", sha256(text));
        json.put("chars", text.length());
        return json;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
