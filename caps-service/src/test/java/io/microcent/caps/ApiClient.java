package io.microcent.caps;

import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestHttpClient;

import java.util.Map;

/** Calls a running caps service's HTTP API with a bearer token (the operator's unless said otherwise). */
final class ApiClient extends TestHttpClient<ApiClient> {

    private ApiClient(String baseUrl, String token, Map<String, String> headers) {
        super(baseUrl, token, headers);
    }

    static ApiClient operator(int port) {
        return new ApiClient(local(port), TestContexts.OPERATOR_TOKEN, Map.of());
    }

    @Override
    protected ApiClient copy(String baseUrl, String token, Map<String, String> headers) {
        return new ApiClient(baseUrl, token, headers);
    }
}
