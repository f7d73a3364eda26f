package io.olyx.adapter.providers.support;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The read loop every streaming adapter shares: open, feed the body to the format's reader until it reports the
 * provider's end-of-answer marker or the sink is gone, close, and classify whatever went wrong. A stream that ends
 * without its end marker is a broken connection, not an answer.
 */
public final class StreamLoop {

    /** Reads a provider's stream body into the assembler; true once the provider signalled the end. */
    @FunctionalInterface
    public interface BodyReader {
        boolean read(InputStream body, StreamAssembler out) throws IOException;
    }

    private StreamLoop() {
    }

    public static ChatResult run(ProviderKind provider, StreamAssembler out, Supplier<HttpTransport.OpenResponse> open,
                                 BodyReader reader) {
        try (HttpTransport.OpenResponse response = open.get()) {
            boolean ended = reader.read(response.body(), out);
            if (!ended && !out.cancelled()) {
                throw ProviderFailure.of(ProviderFailure.Kind.CONNECT, provider,
                        "the stream ended before the provider finished its answer");
            }
        } catch (ProviderFailure failure) {
            throw out.failed(failure);
        } catch (UncheckedIOException e) {
            throw out.failed(ProviderFailures.connectionLost(provider, e.getCause()));
        } catch (IOException | RuntimeException e) {
            throw out.failed(ProviderFailures.malformed(provider, "unreadable stream event", e));
        }
        return out.finish();
    }
}
