package io.microcent.rating.analytics;

import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestHttpClient;

import java.util.Map;

/** Calls a running API as an operator would, with or without the operator token. */
final class OperatorApi extends TestHttpClient<OperatorApi> {

    private OperatorApi(String baseUrl, String token, Map<String, String> headers) {
        super(baseUrl, token, headers);
    }

    static OperatorApi on(int port) {
        return new OperatorApi(local(port), TestContexts.OPERATOR_TOKEN, Map.of());
    }

    @Override
    protected OperatorApi copy(String baseUrl, String token, Map<String, String> headers) {
        return new OperatorApi(baseUrl, token, headers);
    }
}
