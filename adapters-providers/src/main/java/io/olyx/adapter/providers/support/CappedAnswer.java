package io.olyx.adapter.providers.support;

import io.olyx.domain.llm.ProviderKind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Bounds how much of one answer Olyx reads ({@code max_answer_bytes}): a provider that sends without end, by bug or
 * by malice, fails its own call as a malformed answer instead of filling the gateway's memory.
 */
final class CappedAnswer {
    private CappedAnswer() {
    }

    /** Raised once an answer passes its bound. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super(message(maxBytes));
        }
    }

    private static String message(long maxBytes) {
        return "the answer is larger than " + maxBytes + " bytes (max_answer_bytes)";
    }

    /** Like {@code BodyHandlers.ofByteArray()}, read by the client itself, but giving up past {@code maxBytes}. */
    static HttpResponse.BodyHandler<byte[]> bytes(long maxBytes) {
        return info -> new Collector(maxBytes);
    }

    /** A stream body that fails as a malformed answer once more than {@code maxBytes} have been read from it. */
    static InputStream stream(InputStream body, ProviderKind provider, long maxBytes) {
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > maxBytes) {
                    throw ProviderFailures.malformed(provider, message(maxBytes));
                }
            }
        };
    }

    private static final class Collector implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final List<ByteBuffer> parts = new ArrayList<>();
        private final long maxBytes;
        private Flow.Subscription subscription;
        private long size;

        Collector(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                size += item.remaining();
                parts.add(item);
            }
            if (size > maxBytes) {
                parts.clear();
                subscription.cancel();
                body.completeExceptionally(new TooLarge(maxBytes));
            }
        }

        @Override
        public void onError(Throwable failure) {
            parts.clear();
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            byte[] whole = new byte[(int) size];
            int at = 0;
            for (ByteBuffer part : parts) {
                int n = part.remaining();
                part.get(whole, at, n);
                at += n;
            }
            parts.clear();
            body.complete(whole);
        }
    }
}
