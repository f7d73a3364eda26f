package io.olyx.adapter.providers.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The JVM's name resolver (installed through {@code META-INF/services}): the built-in one, except that while an
 * outbound gateway call is in flight its host resolves to exactly the addresses the {@link OutboundClient} checked.
 *
 * <p>Why: the HTTP client looks the host up again when it connects. A hostile DNS server answering a public
 * address to the check and a private one to the connect (DNS rebinding) would otherwise slip a call past the
 * outbound policy whenever the JVM's address cache expires between the two lookups.
 */
public final class PinnedAddressResolverProvider extends InetAddressResolverProvider {

    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    private record Pin(List<InetAddress> addresses, int holders) {
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        installed = true;
        return pinning(configuration.builtinResolver());
    }

    /** Pinned hosts resolve to their pins, every other lookup goes to {@code builtin}. */
    static InetAddressResolver pinning(InetAddressResolver builtin) {
        return new Pinning(builtin);
    }

    @Override
    public String name() {
        return "olyx-pinned";
    }

    /** Whether the JVM resolves names through this provider (it does once any name was looked up). */
    static boolean installed() {
        return installed;
    }

    /**
     * Runs {@code call} with {@code host} resolving to {@code addresses}. Calls to one host at the same time share
     * the pin of the first (every pinned set was checked), and the host is unpinned when the last one ends.
     */
    static <T> T pinned(String host, List<InetAddress> addresses, Supplier<T> call) {
        String key = key(host);
        PINS.merge(key, new Pin(List.copyOf(addresses), 1), (held, added) -> new Pin(held.addresses(),
                held.holders() + 1));
        try {
            return call.get();
        } finally {
            PINS.computeIfPresent(key, (k, held) -> held.holders() == 1 ? null
                    : new Pin(held.addresses(), held.holders() - 1));
        }
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    private record Pinning(InetAddressResolver builtin) implements InetAddressResolver {
        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            Pin pin = PINS.get(key(host));
            if (pin == null) {
                return builtin.lookupByName(host, policy);
            }
            List<InetAddress> wanted = pin.addresses().stream().filter(a -> accepts(policy, a)).toList();
            if (wanted.isEmpty()) {
                throw new UnknownHostException(host + " has no pinned address of the requested family");
            }
            return wanted.stream();
        }

        @Override
        public String lookupByAddress(byte[] address) throws UnknownHostException {
            return builtin.lookupByAddress(address);
        }

        private static boolean accepts(LookupPolicy policy, InetAddress address) {
            int c = policy.characteristics();
            return address instanceof Inet4Address ? (c & LookupPolicy.IPV4) != 0
                    : address instanceof Inet6Address && (c & LookupPolicy.IPV6) != 0;
        }
    }
}
