package io.olyx.adapter.providers.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.olyx.application.port.OutboundHttp.Outcome;
import io.olyx.application.port.OutboundHttp.Request;
import io.olyx.domain.gateway.OutboundPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound client against a real loopback server, with host names only the test's resolver knows. */
class OutboundClientTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Request get(String host) {
        return new Request("GET", URI.create("http://" + host + ":" + server.getAddress().getPort() + "/ping"),
                Map.of(), Optional.empty(), Duration.ofSeconds(5));
    }

    @Test
    void theConnectionGoesToTheAddressesThatWereChecked() {
        // No DNS knows "pinned-host.test": the HTTP client's own lookup can only succeed through the pin.
        OutboundClient client = new OutboundClient(OutboundPolicy.allowing("pinned-host.test"),
                host -> List.of(LOOPBACK));

        Outcome outcome = client.send(get("pinned-host.test"));

        assertThat(PinnedAddressResolverProvider.installed()).isTrue();
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.body()).isEqualTo("pong");
        });
        assertThat(served).hasValue(1);
    }

    @Test
    void aHostResolvingToAPrivateAddressIsRefusedBeforeAnyByteIsSent() {
        OutboundClient client = new OutboundClient(OutboundPolicy.blockPrivate(), host -> List.of(LOOPBACK));

        Outcome outcome = client.send(get("inside.test"));

        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) outcome).reason()).contains("127.0.0.1").contains("OLYX_OUTBOUND_ALLOW");
        assertThat(served).hasValue(0);
    }

    @Test
    void anUnknownHostFailsWithoutAConnection() {
        OutboundClient client = new OutboundClient(OutboundPolicy.blockPrivate(), host -> {
            throw new UnknownHostException(host);
        });

        assertThat(client.send(get("nowhere.test"))).isEqualTo(new Outcome.Failed("host nowhere.test is unknown"));
        assertThat(served).hasValue(0);
    }
}
