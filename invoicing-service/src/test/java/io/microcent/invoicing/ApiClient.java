package io.microcent.invoicing;

import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestHttpClient;

import java.util.Map;

/** Calls a running invoicing service's HTTP API as an operator would, with or without the operator token. */
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

    /** Registers a customer and returns the answer. */
    Response createCustomer(String id, String name, String plan) {
        return post("/v1/customers", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"plan\":\"" + plan + "\"}");
    }
}
