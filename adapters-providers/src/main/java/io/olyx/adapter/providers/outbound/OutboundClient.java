package io.olyx.adapter.providers.outbound;

import io.olyx.application.port.OutboundHttp;
import io.olyx.domain.gateway.OutboundPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's outbound HTTP: every host is resolved and checked against the {@link OutboundPolicy} before a byte
 * is sent, and the connection goes to the checked addresses ({@link PinnedAddressResolverProvider}); redirects are
 * not followed (a public URL cannot bounce the call inside), every call is bounded by its timeout, and answers are
 * read up to {@link #MAX_BODY_BYTES}.
 */
public final class OutboundClient implements OutboundHttp {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(OutboundClient.class);
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect",
            "upgrade");

    private final HttpClient http;
    private final OutboundPolicy policy;
    private final HostResolver resolver;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon(true).name("olyx-outbound-deadlines").factory());

    /** How host names become addresses; tests may substitute one. */
    @FunctionalInterface
    public interface HostResolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public OutboundClient(OutboundPolicy policy) {
        this(policy, host -> Arrays.asList(InetAddress.getAllByName(host)));
    }

    public OutboundClient(OutboundPolicy policy, HostResolver resolver) {
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        this.policy = policy;
        this.resolver = resolver;
        warnUnlessAddressesArePinned();
    }

    /** The JVM installs its resolver at the first lookup; one of localhost settles which resolver that is. */
    private static void warnUnlessAddressesArePinned() {
        try {
            InetAddress.getAllByName("localhost");
        } catch (UnknownHostException ignored) {
            // the resolver is installed all the same
        }
        if (!PinnedAddressResolverProvider.installed()) {
            LOG.warn("the JVM does not resolve names through {}: outbound calls are checked, but a DNS server that"
                    + " changes its answer between check and connect is not stopped",
                    PinnedAddressResolverProvider.class.getName());
        }
    }

    @Override
    public Outcome send(Request request) {
        URI url = request.url();
        String host = url.getHost();
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Outcome.Failed("host " + host + " is unknown");
        }
        if (policy.check(host, port, addresses) instanceof OutboundPolicy.Decision.Refused refused) {
            LOG.warn("outbound call to {} refused: {}", url, refused.reason());
            return new Outcome.Refused(refused.reason());
        }
        return PinnedAddressResolverProvider.pinned(host, addresses, () -> exchange(request));
    }

    private Outcome exchange(Request request) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        try {
            HttpResponse<InputStream> response = http.sendAsync(build(request),
                    HttpResponse.BodyHandlers.ofInputStream()).get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return new Outcome.Answered(response.statusCode(), headers(response), read(response.body(), deadline));
        } catch (TimeoutException e) {
            return timedOut(request);
        } catch (ExecutionException e) {
            return e.getCause() instanceof HttpTimeoutException ? timedOut(request)
                    : new Outcome.Failed("connection failed: " + e.getCause().getClass().getSimpleName());
        } catch (IOException e) {
            return System.nanoTime() >= deadline ? timedOut(request)
                    : new Outcome.Failed("connection failed while reading: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted");
        }
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; a body still dripping at the deadline is cut off by closing it. */
    private String read(InputStream body, long deadline) throws IOException {
        ScheduledFuture<?> guard = timer.schedule(() -> closeQuietly(body), Math.max(0, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        try (body) {
            return new String(body.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        } finally {
            guard.cancel(false);
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the reader sees the stream end and reports the timeout
        }
    }

    private static Outcome timedOut(Request request) {
        return new Outcome.Failed("timed out after " + request.timeout().toMillis() + " ms");
    }

    private static HttpRequest build(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).timeout(request.timeout())
                .method(request.method(), request.jsonBody().map(HttpRequest.BodyPublishers::ofString)
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }
}
