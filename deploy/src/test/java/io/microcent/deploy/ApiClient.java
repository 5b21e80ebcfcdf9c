package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.platform.test.TestHttpClient;

/**
 * The all-in-one's API as a user's curl would call it, each call with the token it names: platform's
 * {@link TestHttpClient}, answering in the shape deploy's tests read.
 */
class ApiClient {

    /** An answer; {@code json} is an empty object when the body is empty. */
    record Response(int status, String contentType, JsonNode json) {
    }

    private final TestHttpClient.Plain http;

    ApiClient(int port) {
        this.http = TestHttpClient.anonymous(port);
    }

    Response get(String path, String token) {
        return of(http.withToken(token).get(path));
    }

    Response post(String path, String token, String json) {
        return of(http.withToken(token).post(path, json));
    }

    Response put(String path, String token, String json) {
        return of(http.withToken(token).put(path, json));
    }

    private static Response of(TestHttpClient.Response response) {
        return new Response(response.status(), response.contentType(), response.body());
    }
}
