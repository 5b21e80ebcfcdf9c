package io.microcent.deploy;

import io.microcent.deploy.BadRequest.Expectation;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests that are wrong below the API, which the HTTP server (Jetty) refuses before any route sees them,
 * and that no HTTP client writes: written as bytes. Their refusals must look like the API's own.
 */
final class MalformedHttp {

    /** Over the 32 MiB a request body may have. */
    static final long OVER_THE_BODY_LIMIT = 32L * 1024 * 1024 + 1;
    private static final String CLOSE = "Connection: close\r\n";

    private MalformedHttp() {
    }

    static List<BadRequest> all(String operatorToken, String ingestKey) {
        String operator = "Authorization: Bearer " + operatorToken + "\r\n";
        String gateway = "Authorization: Bearer " + ingestKey + "\r\n";
        List<BadRequest> cases = new ArrayList<>();

        for (String path : List.of("/v1/customers/acme%00", "/v1/customers/acme%00/usage?period=2026-11", "/v1/%00",
                "/v1/customers/%00/spend?period=2026-11", "/v1/caps/cap_%00", "/v1/analytics/activity?from=2026-11-01%00&to=2026-11-30",
                "/v1/analytics/activity?from=2026-11-01&to=2026-11-30&customer=acme%00", "/v1/customers/acme%0d%0aX-Injected:%20yes",
                "/v1/customers/%C0%80", "/v1/customers/%FF", "/v1/customers/%ZZ", "/v1/customers/%", "/v1/customers/..%2F..%2Fetc%2Fpasswd",
                "/v1/customers/%2e%2e/%2e%2e/", "/v1/customers/a%2Fb/usage", "/v1/customers/a\\b", "/v1/customers/%E2%80%AEacme",
                "/v1/customers/%C2%85", "/v1/customers/" + "%00".repeat(100), "//v1//customers", "/v1/customers/acme;x=1",
                "/v1/customers/acme/usage?period=%00", "/v1/customers/acme/usage?period=2026-11%E2%80%A8")) {
            cases.add(BadRequest.raw("path/GET " + path, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + operator + CLOSE + "\r\n"));
        }
        cases.add(BadRequest.raw("path/POST /v1/events%00", post("/v1/events%00", gateway, "[]")));

        for (String header : List.of("X-Test: a\u0000b", "X-Test\u0000: a", "Authorization: Bearer \u0000", "X-Test: a\rb",
                "X Test: a", "X-Test a", " X-Test: folded-start", "X-Test: a\r\n folded", "X-Microcent-Actor: \u0000operator",
                "X-Microcent-Actor: ann\u0007", "Content-Type: application/json\u0000")) {
            String request = "POST /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n" + operator + header + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n" + CLOSE + "\r\n{}";
            cases.add(BadRequest.raw("header/" + BadInputCases.abbreviated(header), request));
        }
        cases.add(BadRequest.raw("request-line/no-host", "GET /v1/customers HTTP/1.1\r\n" + operator + CLOSE + "\r\n"));
        cases.add(BadRequest.raw("request-line/two-hosts", "GET /v1/customers HTTP/1.1\r\nHost: a\r\nHost: b\r\n" + operator + CLOSE + "\r\n"));
        cases.add(BadRequest.raw("request-line/NUL-in-method", "GE\u0000T /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n" + CLOSE + "\r\n"));
        cases.add(BadRequest.raw("request-line/space-in-method", "GE T /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n" + CLOSE + "\r\n"));
        cases.add(BadRequest.raw("request-line/extra-token", "GET /v1/customers HTTP/1.1 x\r\nHost: 127.0.0.1\r\n" + CLOSE + "\r\n"));
        cases.add(BadRequest.raw("request-line/NUL-in-path", "GET /v1/cust\u0000omers HTTP/1.1\r\nHost: 127.0.0.1\r\n" + CLOSE + "\r\n"));
        // read as an HTTP/0.9 request (no version): 505 is the protocol's answer, as a problem with its own code
        cases.add(BadRequest.raw("request-line/no-path", "GET HTTP/1.1\r\nHost: 127.0.0.1\r\n" + CLOSE + "\r\n")
                .expecting(Expectation.status(505).withCode("http_version_not_supported")));

        // the URI and the headers are bounded (Jetty: 8 KiB of request line and headers by default)
        cases.add(BadRequest.raw("uri-too-long/path", "GET /v1/customers/" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + operator + CLOSE + "\r\n").expecting(Expectation.status(414)));
        cases.add(BadRequest.raw("uri-too-long/query", "GET /v1/analytics/activity?from=2026-11-01&to=2026-11-30&customer=" + "a".repeat(70_000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + operator + CLOSE + "\r\n").expecting(Expectation.status(414)));
        cases.add(BadRequest.raw("headers-too-large/one", "GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n" + operator
                + "X-Big: " + "b".repeat(70_000) + "\r\n" + CLOSE + "\r\n").expecting(Expectation.status(431)));
        cases.add(BadRequest.raw("headers-too-large/many", "GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n" + operator
                + ("X-Many: " + "m".repeat(1_000) + "\r\n").repeat(100) + CLOSE + "\r\n").expecting(Expectation.status(431)));
        cases.add(BadRequest.raw("headers-too-large/authorization", "GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + "t".repeat(70_000) + "\r\n" + CLOSE + "\r\n").expecting(Expectation.status(431)));

        // a Content-Length over the limit is refused from the header, before the body is read
        for (String[] route : new String[][]{{"/v1/events", gateway}, {"/v1/customers", operator}, {"/v1/api-keys", operator},
                {"/v1/caps", operator}, {"/v1/webhooks", operator}, {"/v1/authorize", operator}}) {
            for (long length : new long[]{OVER_THE_BODY_LIMIT, 5_000_000_000L}) {
                cases.add(BadRequest.raw("content-length/" + length + " " + route[0], "POST " + route[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + route[1] + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n" + CLOSE + "\r\n[{\"id\":\"x\"")
                        .expecting(Expectation.status(413)));
            }
        }
        for (String length : List.of("abc", "-1", "99999999999999999999", "2, 3")) {
            cases.add(BadRequest.raw("content-length/" + length, "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + gateway
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n" + CLOSE + "\r\n[]"));
        }
        cases.add(BadRequest.raw("content-length/two-different", "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + gateway
                + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 20\r\n" + CLOSE + "\r\n[]"));
        cases.add(BadRequest.raw("transfer-encoding/bad-chunk-size", "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + gateway
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n" + CLOSE + "\r\nzz\r\n[]\r\n0\r\n\r\n"));
        cases.add(BadRequest.raw("transfer-encoding/and-content-length", "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + gateway
                + "Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n" + CLOSE + "\r\n2\r\n[]\r\n0\r\n\r\n"));
        cases.add(BadRequest.raw("transfer-encoding/unknown", "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + gateway
                + "Content-Type: application/json\r\nTransfer-Encoding: gzip2\r\n" + CLOSE + "\r\n[]"));
        return cases;
    }

    private static String post(String path, String authorization, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization + "Content-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n" + CLOSE + "\r\n" + body;
    }
}
