package com.serviceloop.casework;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;

/** The kinds of address a webhook is not sent to unless its host is allow-listed; null for a public address. */
enum AddressKind {
    METADATA("error.casework.webhookMetadata", "a cloud metadata service"),
    LOOPBACK("error.casework.webhookLoopback", "a loopback address (this server itself)"),
    UNSPECIFIED("error.casework.webhookUnspecified", "the unspecified address"),
    LINK_LOCAL("error.casework.webhookLinkLocal", "a link-local address"),
    PRIVATE("error.casework.webhookPrivate", "an address in a private network"),
    SHARED("error.casework.webhookShared", "a carrier-grade NAT address (100.64.0.0/10)"),
    MULTICAST("error.casework.webhookMulticast", "a multicast or broadcast address");

    // Google's names; AWS (169.254.169.254, fd00:ec2::254) and Alibaba Cloud (100.100.100.200) answer on addresses
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata");
    private static final Set<String> METADATA_ADDRESSES = Set.of("169.254.169.254", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    final String key;
    final String english;

    AddressKind(String key, String english) {
        this.key = key;
        this.english = english;
    }

    /** What a host name says before it is resolved (lower case, no trailing dot). */
    static AddressKind ofName(String host) {
        if (METADATA_NAMES.contains(host)) {
            return METADATA;
        }
        return host.equals("localhost") || host.endsWith(".localhost") ? LOOPBACK : null;
    }

    static AddressKind of(InetAddress address) {
        if (METADATA_ADDRESSES.contains(address.getHostAddress())) {
            return METADATA;
        }
        if (address instanceof Inet6Address v6) {
            InetAddress embedded = embeddedIpv4(v6.getAddress());
            if (embedded != null) {
                return of(embedded);
            }
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (address.isAnyLocalAddress() || address instanceof Inet4Address && first == 0) {
            return UNSPECIFIED;
        }
        if (address.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        if (address.isMulticastAddress() || address instanceof Inet4Address && first >= 240) {
            return MULTICAST;
        }
        if (address.isSiteLocalAddress() || address instanceof Inet6Address && (first & 0xfe) == 0xfc) {
            return PRIVATE;
        }
        if (address instanceof Inet4Address && first == 100 && (second & 0xc0) == 64) {
            return SHARED;
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address,
     * which reach that IPv4 host; Java already turns IPv4-mapped ones (::ffff:a.b.c.d) into IPv4.
     */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean compatible = Arrays.equals(b, 0, 12, new byte[12], 0, 12) && (b[12] | b[13] | b[14]) != 0;
        boolean nat64 = Arrays.equals(b, 0, 12, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, 0, 12);
        if (!compatible && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
