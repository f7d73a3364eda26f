package io.olyx.adapter.providers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRole;
import java.util.List;

/**
 * A conversation as strictly alternating user and assistant turns of content blocks, the shape Anthropic Messages
 * and Bedrock Converse require. System messages are left out (both take them apart), consecutive messages of one
 * side share a turn (tool results are on the user side), and a turn left without blocks gets {@code emptyBlock},
 * since both refuse empty content.
 */
public final class AlternatingTurns {

    /** Adds one message's content blocks, in the wire format's spelling, to its turn's content. */
    @FunctionalInterface
    public interface Blocks {
        void add(ChatMessage message, ArrayNode content);
    }

    private AlternatingTurns() {
    }

    /** {@code [{"role": "user"|"assistant", "content": [blocks...]}, ...]} */
    public static ArrayNode of(ObjectMapper mapper, List<ChatMessage> messages, Blocks blocks, ObjectNode emptyBlock) {
        ArrayNode turns = mapper.createArrayNode();
        String currentRole = null;
        ArrayNode content = null;
        for (ChatMessage message : messages) {
            if (message.role() == ChatRole.SYSTEM) {
                continue;
            }
            String role = message.role() == ChatRole.ASSISTANT ? "assistant" : "user";
            if (!role.equals(currentRole)) {
                ObjectNode turn = turns.addObject();
                turn.put("role", role);
                content = turn.putArray("content");
                currentRole = role;
            }
            blocks.add(message, content);
        }
        for (JsonNode turn : turns) {
            if (turn.path("content").isEmpty()) {
                ((ArrayNode) turn.path("content")).add(emptyBlock.deepCopy());
            }
        }
        return turns;
    }
}
