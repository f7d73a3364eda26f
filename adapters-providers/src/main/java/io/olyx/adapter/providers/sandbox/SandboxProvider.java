package io.olyx.adapter.providers.sandbox;

import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.application.port.ModelProvider;
import io.olyx.domain.common.Characters;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.Embedding;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.StreamEvent;
import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Olyx's offline model, so a fresh install answers without network or keys. Every answer is a pure function of the
 * request (see {@link SandboxChat}), reported as model {@value #MODEL}, and its usage is counted with cl100k_base
 * and marked estimated. max_tokens, stop sequences and JSON response formats are honoured so pipelines behave as
 * with a real model.
 */
public final class SandboxProvider implements ModelProvider {
    public static final String MODEL = "sandbox";
    private static final int WORDS_PER_DELTA = 3;

    private final TokenCounter counter;
    private final SandboxChat chat = new SandboxChat();

    public SandboxProvider(TokenCounter counter) {
        this.counter = counter;
    }

    @Override
    public ChatResult chat(ModelEndpoint endpoint, ChatRequest request) {
        return switch (chat.reply(request)) {
            case SandboxChat.Reply.Call call -> new ChatResult("", List.of(call.call()), FinishReason.TOOL_CALLS,
                    usage(request, "", List.of(call.call())), MODEL);
            case SandboxChat.Reply.Text text -> {
                Limited limited = limit(SandboxJson.answer(text.text(), request.options().responseFormat()), request);
                yield new ChatResult(limited.text(), List.of(), limited.reason(),
                        usage(request, limited.text(), List.of()), MODEL);
            }
        };
    }

    /** Emits the same answer as {@link #chat} in several deltas; tool arguments arrive in two fragments. */
    @Override
    public ChatResult stream(ModelEndpoint endpoint, ChatRequest request, Consumer<StreamEvent> sink) {
        ChatResult whole = chat(endpoint, request);
        StreamAssembler out = new StreamAssembler(sink, counter, request, MODEL);
        for (String delta : deltas(whole.text())) {
            if (out.cancelled()) {
                return out.finish();
            }
            out.text(delta);
        }
        for (int i = 0; i < whole.toolCalls().size() && !out.cancelled(); i++) {
            ToolCall call = whole.toolCalls().get(i);
            String args = call.argumentsJson();
            String first = Characters.truncate(args, args.length() / 2);
            out.toolCallDelta(i, Optional.of(call.id()), Optional.of(call.name()), first);
            out.toolCallDelta(i, Optional.empty(), Optional.empty(), args.substring(first.length()));
            out.completeToolCall(i);
        }
        out.promptTokens(whole.usage().promptTokens());
        out.finishReason(whole.finishReason());
        return out.finish();
    }

    @Override
    public EmbeddingResult embed(ModelEndpoint endpoint, List<String> inputs) {
        int dimensions = endpoint.configInt("dimensions").filter(d -> d > 0 && d <= 8192)
                .orElse(SandboxEmbeddings.DEFAULT_DIMENSIONS);
        List<Embedding> vectors = inputs.stream().map(text -> SandboxEmbeddings.embed(text, dimensions)).toList();
        return new EmbeddingResult(vectors, counter.embeddingUsage(OptionalInt.empty(), inputs), MODEL);
    }

    @Override
    public ImageResult generateImage(ModelEndpoint endpoint, ImageRequest request) {
        List<String> images = new ArrayList<>();
        for (int i = 0; i < request.n(); i++) {
            images.add(SandboxImages.image(request, i));
        }
        return new ImageResult(images, MODEL);
    }

    private TokenUsage usage(ChatRequest request, String text, List<ToolCall> calls) {
        return TokenUsage.estimated(counter.countPrompt(request), counter.countCompletion(text, calls));
    }

    private record Limited(String text, FinishReason reason) {
    }

    private Limited limit(String text, ChatRequest request) {
        String cut = text;
        for (String stop : request.options().stop()) {
            int at = cut.indexOf(stop);
            if (at >= 0) {
                cut = cut.substring(0, at);
            }
        }
        if (request.options().maxTokens().isPresent()) {
            int max = request.options().maxTokens().getAsInt();
            if (counter.count(cut) > max) {
                String[] words = cut.split(" ");
                StringBuilder kept = new StringBuilder();
                for (String word : words) {
                    String next = kept.isEmpty() ? word : kept + " " + word;
                    if (counter.count(next) > max) {
                        break;
                    }
                    kept.setLength(0);
                    kept.append(next);
                }
                return new Limited(kept.toString(), FinishReason.LENGTH);
            }
        }
        return new Limited(cut, FinishReason.STOP);
    }

    private static List<String> deltas(String text) {
        List<String> out = new ArrayList<>();
        String[] words = text.split("(?<= )");
        StringBuilder delta = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            delta.append(words[i]);
            if ((i + 1) % WORDS_PER_DELTA == 0) {
                out.add(delta.toString());
                delta.setLength(0);
            }
        }
        if (!delta.isEmpty()) {
            out.add(delta.toString());
        }
        return out;
    }
}
