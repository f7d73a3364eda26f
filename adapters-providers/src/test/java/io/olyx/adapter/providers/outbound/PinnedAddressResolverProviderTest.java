package io.olyx.adapter.providers.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The resolver itself, over a stand-in for the built-in one (no JVM address cache in between). */
class PinnedAddressResolverProviderTest {
    private static final LookupPolicy ANY = LookupPolicy.of(LookupPolicy.IPV4 | LookupPolicy.IPV6);
    private static final InetAddress PUBLIC = address(93, 184, 215, 14);
    private static final InetAddress OTHER_PUBLIC = address(93, 184, 215, 15);
    private static final InetAddress PRIVATE = address(10, 0, 0, 7);

    /** The "built-in" resolver plays a rebinding DNS server: it always answers a private address. */
    private final InetAddressResolver resolver = PinnedAddressResolverProvider.pinning(new InetAddressResolver() {
        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) {
            return Stream.of(PRIVATE);
        }

        @Override
        public String lookupByAddress(byte[] addr) throws UnknownHostException {
            throw new UnknownHostException();
        }
    });

    @Test
    void aPinnedHostResolvesToItsCheckedAddressesAndOnlyWhileTheCallLasts() throws Exception {
        List<InetAddress> during = PinnedAddressResolverProvider.pinned("Rebind.Example", List.of(PUBLIC),
                () -> lookup("rebind.example"));

        assertThat(during).containsExactly(PUBLIC);
        assertThat(lookup("rebind.example")).containsExactly(PRIVATE);
        assertThat(lookup("other.example")).containsExactly(PRIVATE);
    }

    @Test
    void overlappingCallsShareTheFirstPinUntilTheLastEnds() throws Exception {
        List<InetAddress> inner = PinnedAddressResolverProvider.pinned("shared.example", List.of(PUBLIC), () -> {
            List<InetAddress> nested = PinnedAddressResolverProvider.pinned("shared.example", List.of(OTHER_PUBLIC),
                    () -> lookup("shared.example"));
            assertThat(lookup("shared.example")).containsExactly(PUBLIC);
            return nested;
        });

        assertThat(inner).containsExactly(PUBLIC);
        assertThat(lookup("shared.example")).containsExactly(PRIVATE);
    }

    @Test
    void aLookupForAnAddressFamilyThePinLacksFindsNothing() {
        LookupPolicy ipv6Only = LookupPolicy.of(LookupPolicy.IPV6);

        PinnedAddressResolverProvider.pinned("v4only.example", List.of(PUBLIC), () -> {
            assertThatThrownBy(() -> resolver.lookupByName("v4only.example", ipv6Only))
                    .isInstanceOf(UnknownHostException.class);
            return null;
        });
    }

    private List<InetAddress> lookup(String host) {
        try {
            return resolver.lookupByName(host, ANY).toList();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
