package io.microcent.deploy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One request the platform must refuse, and what the refusal must look like. Either a well-formed HTTP
 * request ({@code method}, {@code path}, {@code headers}, {@code body}), sent with {@code java.net.http}, or
 * the exact bytes of a malformed one ({@code wire}), sent over a plain socket.
 *
 * @param name     what the case is, unique and stable for a seed, e.g. {@code events/json/project/U+0085@middle/raw}
 * @param customer for a usage event, the customer it was sent for (whose figures must not move), else {@code null}
 */
record BadRequest(String name, String method, String path, Map<String, String> headers, byte[] body, byte[] wire,
                  Expectation expected, String customer) {

    /** What a refusal must be besides a 4xx problem+json with a {@code code}. */
    record Expectation(Set<Integer> statuses, String code, boolean allowHeader) {

        /** Any 4xx. */
        static final Expectation REFUSED = new Expectation(Set.of(), null, false);

        static Expectation status(Integer... statuses) {
            return new Expectation(Set.of(statuses), null, false);
        }

        /** {@code code} appears as the problem's code or as the code of one of its {@code errors}. */
        Expectation withCode(String expectedCode) {
            return new Expectation(statuses, expectedCode, allowHeader);
        }

        Expectation withAllowHeader() {
            return new Expectation(statuses, code, true);
        }
    }

    static BadRequest send(String name, String method, String path, String token, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new BadRequest(name, method, path, headers, body, null, Expectation.REFUSED, null);
    }

    static BadRequest post(String name, String path, String token, byte[] json) {
        return send(name, "POST", path, token, "application/json", json);
    }

    /** A request written byte for byte; {@code Connection: close} is the caller's to write. */
    static BadRequest raw(String name, byte[] wire) {
        return new BadRequest(name, null, null, Map.of(), null, wire, Expectation.REFUSED, null);
    }

    static BadRequest raw(String name, String wire) {
        return raw(name, wire.getBytes(StandardCharsets.ISO_8859_1));
    }

    boolean isRaw() {
        return wire != null;
    }

    BadRequest expecting(Expectation expectation) {
        return new BadRequest(name, method, path, headers, body, wire, expectation, customer);
    }

    BadRequest forCustomer(String eventCustomer) {
        return new BadRequest(name, method, path, headers, body, wire, expected, eventCustomer);
    }
}
