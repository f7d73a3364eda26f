package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {
    private static List<InetAddress> at(String... literals) {
        return java.util.Arrays.stream(literals).map(l -> {
            try {
                return InetAddress.getByName(l);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1", "::ffff:10.0.0.1"})
    void internalAddressesAreRefusedByDefault(String address) {
        assertThat(OutboundPolicy.blockPrivate().check("example.com", 443, at(address)))
                .isInstanceOf(OutboundPolicy.Decision.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"})
    void publicAddressesAreAllowed(String address) {
        assertThat(OutboundPolicy.blockPrivate().check("example.com", 443, at(address)))
                .isInstanceOf(OutboundPolicy.Decision.Allowed.class);
    }

    @Test
    void aNameIsRefusedIfAnyOfItsAddressesIsInternal() {
        assertThat(OutboundPolicy.blockPrivate().check("rebind.example", 80, at("8.8.8.8", "10.0.0.5")))
                .isInstanceOf(OutboundPolicy.Decision.Refused.class);
        assertThat(OutboundPolicy.blockPrivate().check("nowhere.example", 80, List.of()))
                .isInstanceOf(OutboundPolicy.Decision.Refused.class);
    }

    @Test
    void theAllowListOpensHostsPortsAddressesAndRanges() {
        OutboundPolicy policy = OutboundPolicy.allowing("localhost:8080, 127.0.0.2 ,10.0.0.0/8,[::1]:9000");
        assertThat(policy.check("localhost", 8080, at("127.0.0.1"))).isInstanceOf(OutboundPolicy.Decision.Allowed.class);
        assertThat(policy.check("localhost", 8081, at("127.0.0.1"))).isInstanceOf(OutboundPolicy.Decision.Refused.class);
        assertThat(policy.check("box", 1, at("127.0.0.2"))).isInstanceOf(OutboundPolicy.Decision.Allowed.class);
        assertThat(policy.check("db", 5432, at("10.9.8.7"))).isInstanceOf(OutboundPolicy.Decision.Allowed.class);
        assertThat(policy.check("db", 5432, at("11.0.0.1"))).isInstanceOf(OutboundPolicy.Decision.Allowed.class);
        assertThat(policy.check("other", 5432, at("192.168.0.1"))).isInstanceOf(OutboundPolicy.Decision.Refused.class);
        assertThat(policy.check("::1", 9000, at("::1"))).isInstanceOf(OutboundPolicy.Decision.Allowed.class);
    }
}
