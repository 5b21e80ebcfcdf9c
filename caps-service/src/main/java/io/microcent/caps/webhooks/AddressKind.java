package io.microcent.caps.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What kind of network an IP address belongs to, for deciding whether a webhook may be sent there: only
 * {@link #PUBLIC} addresses are reachable from the internet; every other kind reaches inside a network
 * (this machine, its LAN, the cloud's metadata service at 169.254.169.254, ...). IPv6 addresses that
 * carry an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by that IPv4 address.
 */
enum AddressKind {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private network address"),
    SHARED("a carrier-grade NAT address (100.64.0.0/10)"),
    LINK_LOCAL("a link-local address"),
    UNIQUE_LOCAL("a unique-local IPv6 address"),
    UNSPECIFIED("the unspecified address"),
    MULTICAST("a multicast address"),
    BROADCAST("the broadcast address"),
    RESERVED("a reserved or documentation address");

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet6Address ? ofIpv6(bytes) : ofIpv4(toInt(bytes, 0));
    }

    static AddressKind ofIpv4(int ip) {
        int a = ip >>> 24;
        int b = (ip >>> 16) & 0xff;
        int c = (ip >>> 8) & 0xff;
        if (ip == 0xffffffff) {
            return BROADCAST;
        }
        if (a == 0) {
            return UNSPECIFIED; // 0.0.0.0/8: "this network", 0.0.0.0 reaches this machine
        }
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return PRIVATE;
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return SHARED;
        }
        if (a == 169 && b == 254) {
            return LINK_LOCAL;
        }
        if (a >= 224 && a <= 239) {
            return MULTICAST;
        }
        if (a >= 240
                || (a == 192 && b == 0 && (c == 0 || c == 2))   // IETF protocol assignments, TEST-NET-1
                || (a == 198 && (b & 0xfe) == 18)               // benchmarking 198.18.0.0/15
                || (a == 198 && b == 51 && c == 100)            // TEST-NET-2
                || (a == 203 && b == 0 && c == 113)) {          // TEST-NET-3
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] bytes) {
        if (allZero(bytes, 0, 16)) {
            return UNSPECIFIED;
        }
        if (allZero(bytes, 0, 15) && bytes[15] == 1) {
            return LOOPBACK;
        }
        if (allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            return ofIpv4(toInt(bytes, 12)); // IPv4-mapped
        }
        if (allZero(bytes, 0, 12)) {
            return ofIpv4(toInt(bytes, 12)); // IPv4-compatible (deprecated)
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b && allZero(bytes, 4, 12)) {
            return ofIpv4(toInt(bytes, 12)); // NAT64 64:ff9b::/96
        }
        if (first == 0x20 && second == 0x02) {
            return ofIpv4(toInt(bytes, 2)); // 6to4 2002:a.b.c.d::/48
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return PRIVATE; // site-local, deprecated
        }
        if ((first & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL;
        }
        if ((first == 0x20 && second == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8)   // 2001:db8::/32
                || (first == 0x01 && second == 0x00 && allZero(bytes, 2, 8))) {                          // discard 100::/64
            return RESERVED;
        }
        return PUBLIC;
    }

    /** The address of a 32-bit IPv4 number. */
    static InetAddress ipv4(int ip) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] bytes, int from) {
        return ((bytes[from] & 0xff) << 24) | ((bytes[from + 1] & 0xff) << 16) | ((bytes[from + 2] & 0xff) << 8) | (bytes[from + 3] & 0xff);
    }
}
