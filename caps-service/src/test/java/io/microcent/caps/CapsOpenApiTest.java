package io.microcent.caps;

import io.microcent.platform.test.OpenApiConformance;
import org.junit.jupiter.api.Test;

/** The routes caps registers and its OpenAPI fragment ({@code openapi/caps.json}) describe the same API. */
class CapsOpenApiTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        OpenApiConformance.assertServiceConforms(new CapsModule());
    }
}
