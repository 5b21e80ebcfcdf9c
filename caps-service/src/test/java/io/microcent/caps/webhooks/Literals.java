package io.microcent.caps.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP addresses written as literals (parsed, never looked up). */
final class Literals {

    private Literals() {
    }

    static InetAddress address(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + literal);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
