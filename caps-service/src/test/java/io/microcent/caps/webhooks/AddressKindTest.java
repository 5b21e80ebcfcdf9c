package io.microcent.caps.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Which network an address belongs to, at the edges of every range. */
class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            8.8.8.8, PUBLIC
            9.255.255.255, PUBLIC
            10.0.0.0, PRIVATE
            10.255.255.255, PRIVATE
            11.0.0.0, PUBLIC
            172.15.255.255, PUBLIC
            172.16.0.0, PRIVATE
            172.31.255.255, PRIVATE
            172.32.0.0, PUBLIC
            192.168.0.0, PRIVATE
            192.169.0.0, PUBLIC
            100.63.255.255, PUBLIC
            100.64.0.0, SHARED
            100.127.255.255, SHARED
            100.128.0.0, PUBLIC
            127.0.0.1, LOOPBACK
            127.255.255.254, LOOPBACK
            169.254.169.254, LINK_LOCAL
            0.0.0.0, UNSPECIFIED
            0.1.2.3, UNSPECIFIED
            224.0.0.1, MULTICAST
            239.255.255.255, MULTICAST
            240.0.0.1, RESERVED
            255.255.255.255, BROADCAST
            192.0.2.1, RESERVED
            198.18.0.1, RESERVED
            198.51.100.7, RESERVED
            203.0.113.9, RESERVED
            ::, UNSPECIFIED
            ::1, LOOPBACK
            ::ffff:127.0.0.1, LOOPBACK
            ::ffff:8.8.8.8, PUBLIC
            ::127.0.0.1, LOOPBACK
            64:ff9b::169.254.169.254, LINK_LOCAL
            2002:c0a8:0101::1, PRIVATE
            fe80::1, LINK_LOCAL
            febf:ffff::1, LINK_LOCAL
            fec0::1, PRIVATE
            fc00::1, UNIQUE_LOCAL
            fdff:ffff::1, UNIQUE_LOCAL
            ff02::1, MULTICAST
            2001:db8::1, RESERVED
            2606:4700:4700::1111, PUBLIC
            """)
    void everyAddressIsClassified(String address, AddressKind expected) {
        assertThat(AddressKind.of(Literals.address(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            2130706433, 127.0.0.1
            0x7f.1, 127.0.0.1
            0177.0.0.1, 127.0.0.1
            127.1, 127.0.0.1
            127.0.1, 127.0.0.1
            0xa9.0xfe.0xa9.0xfe, 169.254.169.254
            0x7f000001, 127.0.0.1
            8.8.8.8, 8.8.8.8
            """)
    void numericHostsAreReadAsInetAtonReadsThem(String host, String address) {
        WebhookUrlRule.Ipv4Number number = WebhookUrlRule.Ipv4Number.parse(host);

        assertThat(number.numeric()).isTrue();
        assertThat(AddressKind.ipv4((int) number.value().orElseThrow()).getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            hooks.example.com, false
            0x7f.example, false
            08.1.1.1, false
            256.1.1.1, true
            1.2.3.4.5, true
            4294967296, true
            """)
    void namesAreNamesAndNumbersOutOfRangeAreNoAddress(String host, boolean numeric) {
        WebhookUrlRule.Ipv4Number number = WebhookUrlRule.Ipv4Number.parse(host);

        assertThat(number.numeric()).isEqualTo(numeric);
        assertThat(number.value()).isEmpty();
    }
}
