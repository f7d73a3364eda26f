package io.olyx.adapter.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ProviderKind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ConverseStream's event-stream messages: messageStart, contentBlockStart (toolUse id and name),
 * contentBlockDelta (text or toolUse input fragments), contentBlockStop, messageStop (stop reason) and metadata
 * (usage), each named by its :event-type header; exceptions arrive as :message-type "exception" messages.
 */
final class ConverseStreamReader {
    private final Jsons json;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();

    ConverseStreamReader(Jsons json) {
        this.json = json;
    }

    boolean read(InputStream body, StreamAssembler out) throws IOException {
        EventStreamDecoder decoder = new EventStreamDecoder(body);
        boolean stopped = false;
        while (!out.cancelled()) {
            Optional<EventStreamDecoder.Message> message;
            try {
                message = decoder.next();
            } catch (EOFException truncated) {
                return false;
            }
            if (message.isEmpty()) {
                return stopped;
            }
            stopped |= handle(message.get(), out);
        }
        return stopped;
    }

    private boolean handle(EventStreamDecoder.Message message, StreamAssembler out) throws IOException {
        String messageType = message.header(":message-type").orElse("event");
        if (!messageType.equals("event")) {
            String type = message.header(":exception-type").or(() -> message.header(":error-code")).orElse("error");
            String text = message.payload().length > 0
                    ? json.mapper().readTree(message.payload()).path("message").asText(message.payloadText())
                    : message.header(":error-message").orElse("");
            throw ProviderFailure.of(exceptionKind(type), ProviderKind.BEDROCK, type + ": " + text);
        }
        JsonNode data = message.payload().length == 0 ? json.mapper().createObjectNode()
                : json.mapper().readTree(message.payload());
        switch (message.header(":event-type").orElse("")) {
            case "contentBlockStart" -> {
                JsonNode toolUse = data.path("start").path("toolUse");
                if (toolUse.isObject()) {
                    int toolIndex = toolIndexByBlock.size();
                    toolIndexByBlock.put(data.path("contentBlockIndex").asInt(), toolIndex);
                    out.toolCallDelta(toolIndex, Jsons.text(toolUse, "toolUseId"), Jsons.text(toolUse, "name"), "");
                }
            }
            case "contentBlockDelta" -> {
                JsonNode delta = data.path("delta");
                if (delta.path("text").isTextual()) {
                    out.text(delta.path("text").asText());
                } else if (delta.path("toolUse").isObject()) {
                    Integer toolIndex = toolIndexByBlock.get(data.path("contentBlockIndex").asInt());
                    if (toolIndex != null) {
                        out.toolCallDelta(toolIndex, Optional.empty(), Optional.empty(),
                                delta.path("toolUse").path("input").asText(""));
                    }
                }
            }
            case "contentBlockStop" -> {
                Integer toolIndex = toolIndexByBlock.get(data.path("contentBlockIndex").asInt());
                if (toolIndex != null) {
                    out.completeToolCall(toolIndex);
                }
            }
            case "messageStop" -> {
                out.finishReason(ConverseMapper.finishReason(data.path("stopReason").asText(null)));
                return true;
            }
            case "metadata" -> {
                ConverseMapper.Usage usage = ConverseMapper.usage(data.path("usage"));
                usage.prompt().ifPresent(out::promptTokens);
                usage.completion().ifPresent(out::completionTokens);
                out.cachedPromptTokens(usage.cached());
            }
            default -> {
                // messageStart and future event types carry nothing we need
            }
        }
        return false;
    }

    static ProviderFailure.Kind exceptionKind(String type) {
        return switch (type) {
            case "throttlingException" -> ProviderFailure.Kind.RATE_LIMITED;
            case "internalServerException", "modelStreamErrorException", "serviceUnavailableException" ->
                    ProviderFailure.Kind.SERVER_ERROR;
            case "modelTimeoutException" -> ProviderFailure.Kind.TIMEOUT;
            default -> ProviderFailure.Kind.CLIENT_ERROR;
        };
    }
}
