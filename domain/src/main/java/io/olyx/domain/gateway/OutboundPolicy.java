package io.olyx.domain.gateway;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where gateway calls may go (protocol-function callbacks, MCP servers, instruction sources): anywhere public, but
 * never to loopback, link-local (cloud metadata), private, unique-local, carrier-grade NAT, multicast or unspecified
 * addresses, unless an allow-list entry names the host ({@code localhost}), the host and port
 * ({@code localhost:8080}), an address ({@code 127.0.0.1}) or a range ({@code 10.0.0.0/8}). A host is checked on
 * every address it resolves to, so a public name pointing at a private address is refused too.
 */
public final class OutboundPolicy {
    private final List<Entry> allowed;

    private OutboundPolicy(List<Entry> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public static OutboundPolicy blockPrivate() {
        return new OutboundPolicy(List.of());
    }

    /** Comma-separated entries, e.g. {@code "127.0.0.1,localhost:8080,10.0.0.0/8"}. */
    public static OutboundPolicy allowing(String list) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : list.split(",")) {
            String item = raw.strip().toLowerCase(Locale.ROOT);
            if (!item.isEmpty()) {
                entries.add(Entry.parse(item));
            }
        }
        return new OutboundPolicy(entries);
    }

    public sealed interface Decision {
        record Allowed() implements Decision {
        }

        record Refused(String reason) implements Decision {
        }
    }

    /** {@code addresses} are what {@code host} resolved to (the caller resolves: this class does no I/O). */
    public Decision check(String host, int port, List<InetAddress> addresses) {
        Objects.requireNonNull(host, "host");
        if (addresses.isEmpty()) {
            return new Decision.Refused("host " + host + " did not resolve");
        }
        String name = host.toLowerCase(Locale.ROOT);
        for (InetAddress address : addresses) {
            if (internal(address) && allowed.stream().noneMatch(e -> e.matches(name, port, address))) {
                return new Decision.Refused("host " + host + " resolves to the non-public address "
                        + address.getHostAddress() + "; add it to OLYX_OUTBOUND_ALLOW to permit it");
            }
        }
        return new Decision.Allowed();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second & 0xfe) == 18);
    }

    private record Entry(String host, int port, Optional<byte[]> network, int prefix) {
        static Entry parse(String item) {
            int slash = item.indexOf('/');
            if (slash > 0) {
                byte[] net = literal(item.substring(0, slash)).orElseThrow(() ->
                        new IllegalArgumentException("not an address range: " + item)).getAddress();
                return new Entry("", -1, Optional.of(net), Integer.parseInt(item.substring(slash + 1)));
            }
            String host = item;
            int port = -1;
            int colon = item.lastIndexOf(':');
            if (item.startsWith("[")) {
                int close = item.indexOf(']');
                host = item.substring(1, close);
                port = close + 1 < item.length() ? Integer.parseInt(item.substring(close + 2)) : -1;
            } else if (colon > 0 && item.indexOf(':') == colon) {
                host = item.substring(0, colon);
                port = Integer.parseInt(item.substring(colon + 1));
            }
            Optional<byte[]> exact = literal(host).map(InetAddress::getAddress);
            return new Entry(host, port, exact, exact.map(b -> b.length * 8).orElse(0));
        }

        boolean matches(String requestHost, int requestPort, InetAddress address) {
            if (port >= 0 && port != requestPort) {
                return false;
            }
            if (network.isEmpty()) {
                return host.equals(requestHost);
            }
            return inRange(network.get(), prefix, address.getAddress());
        }

        private static boolean inRange(byte[] net, int prefix, byte[] address) {
            if (net.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((net[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** An IP literal, parsed without any lookup; host names are empty. */
        private static Optional<InetAddress> literal(String text) {
            boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = text.contains(":") && text.matches("[0-9a-f:.]+");
            if (!ipv4 && !ipv6) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(text));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
    }
}
