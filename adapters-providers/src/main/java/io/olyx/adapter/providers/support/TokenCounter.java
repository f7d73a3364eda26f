package io.olyx.adapter.providers.support;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.JsonText;
import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import java.util.List;
import java.util.OptionalInt;

/**
 * Counts tokens with cl100k_base when a provider does not report usage. It is an estimate for non-OpenAI models,
 * which is why every usage built from it is marked estimated. Message framing follows OpenAI's published recipe
 * (3 tokens per message, 3 to prime the reply).
 */
public final class TokenCounter {
    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;

    private volatile Encoding encoding;

    /**
     * Loading the cl100k vocabulary takes most of a second, so it happens on first use (or on {@link #warmUp()} in
     * the background), not while the server starts.
     */
    public TokenCounter() {
    }

    /** Loads the vocabulary now, on a background thread, so the first real count does not wait for it. */
    public void warmUp() {
        Thread.ofVirtual().name("olyx-tokenizer-warmup").start(this::encoding);
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding().countTokensOrdinary(text);
    }

    private Encoding encoding() {
        Encoding loaded = encoding;
        if (loaded == null) {
            synchronized (this) {
                loaded = encoding;
                if (loaded == null) {
                    loaded = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
                    encoding = loaded;
                }
            }
        }
        return loaded;
    }

    public int countPrompt(ChatRequest request) {
        int total = REPLY_PRIMING;
        for (ChatMessage message : request.messages()) {
            total += PER_MESSAGE + count(message.content()) + countCalls(message.toolCalls());
        }
        for (ToolDefinition tool : request.tools()) {
            total += count(tool.name()) + count(tool.description()) + count(JsonText.write(tool.parameters()));
        }
        return total;
    }

    public int countCompletion(String text, List<ToolCall> calls) {
        return count(text) + countCalls(calls);
    }

    /** Reported counts where the provider gave them, estimates for the rest; estimated if anything was. */
    public TokenUsage usage(OptionalInt reportedPrompt, OptionalInt reportedCompletion, int cachedPrompt,
                            ChatRequest request, String text, List<ToolCall> calls) {
        int prompt = reportedPrompt.isPresent() ? reportedPrompt.getAsInt() : countPrompt(request);
        int completion = reportedCompletion.isPresent() ? reportedCompletion.getAsInt()
                : countCompletion(text, calls);
        boolean estimated = reportedPrompt.isEmpty() || reportedCompletion.isEmpty();
        return new TokenUsage(prompt, completion, Math.min(Math.max(0, cachedPrompt), prompt), estimated);
    }

    /** Usage for embedding inputs: reported total prompt tokens, or a count. */
    public TokenUsage embeddingUsage(OptionalInt reported, List<String> inputs) {
        if (reported.isPresent()) {
            return TokenUsage.reported(reported.getAsInt(), 0);
        }
        return TokenUsage.estimated(inputs.stream().mapToInt(this::count).sum(), 0);
    }

    private int countCalls(List<ToolCall> calls) {
        int total = 0;
        for (ToolCall call : calls) {
            total += PER_MESSAGE + count(call.name()) + count(call.argumentsJson());
        }
        return total;
    }
}
