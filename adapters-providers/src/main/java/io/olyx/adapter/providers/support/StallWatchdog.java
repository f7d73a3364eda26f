package io.olyx.adapter.providers.support;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a response body may stay silent (and, for non-streaming calls, how long it may take in total).
 * java.net.http has no read timeout, so one sweeper thread closes streams that overstay; the blocked read then
 * fails and the watched stream turns that into a {@link ProviderFailure.Kind#TIMEOUT}. Reads only touch a
 * volatile timestamp, so watching costs nothing per chunk.
 */
public final class StallWatchdog implements AutoCloseable {
    private final Set<WatchedInputStream> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;

    public StallWatchdog(Duration tick) {
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "olyx-provider-stall-watchdog");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, tick.toMillis());
        sweeper.scheduleAtFixedRate(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Watches {@code in}: it is closed once no byte arrived for {@code idle}, or at {@code deadlineNanos}
     * (a {@link System#nanoTime()} value; {@link Long#MAX_VALUE} for none).
     */
    public InputStream watch(InputStream in, ProviderKind provider, Duration idle, long deadlineNanos) {
        WatchedInputStream watched = new WatchedInputStream(in, provider, idle.toNanos(), deadlineNanos);
        active.add(watched);
        return watched;
    }

    private void sweep() {
        long now = System.nanoTime();
        for (WatchedInputStream stream : active) {
            if (stream.overdue(now)) {
                stream.abort();
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    private final class WatchedInputStream extends InputStream {
        private final InputStream in;
        private final ProviderKind provider;
        private final long idleNanos;
        private final long deadlineNanos;
        private volatile long lastActivity = System.nanoTime();
        private volatile String abortReason;

        WatchedInputStream(InputStream in, ProviderKind provider, long idleNanos, long deadlineNanos) {
            this.in = in;
            this.provider = provider;
            this.idleNanos = idleNanos;
            this.deadlineNanos = deadlineNanos;
        }

        boolean overdue(long now) {
            return now - lastActivity > idleNanos || now - deadlineNanos > 0;
        }

        void abort() {
            long now = System.nanoTime();
            abortReason = now - deadlineNanos > 0
                    ? "the provider did not finish answering within the request timeout"
                    : "the provider sent nothing for " + Duration.ofNanos(idleNanos).toMillis() + " ms";
            closeQuietly();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                int n = in.read(b, off, len);
                if (abortReason != null) {
                    throw timeout();
                }
                if (n > 0) {
                    lastActivity = System.nanoTime();
                }
                return n;
            } catch (IOException e) {
                if (abortReason != null) {
                    throw timeout();
                }
                throw ProviderFailures.connectionLost(provider, e);
            }
        }

        private ProviderFailure timeout() {
            return ProviderFailure.of(ProviderFailure.Kind.TIMEOUT, provider, abortReason);
        }

        @Override
        public void close() {
            active.remove(this);
            closeQuietly();
        }

        private void closeQuietly() {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing aborts the exchange; there is nothing left to report
            }
        }
    }
}
