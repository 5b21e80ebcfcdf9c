package io.microcent.ingest;

import io.microcent.platform.test.OpenApiConformance;
import org.junit.jupiter.api.Test;

/** The routes ingest registers and its OpenAPI fragment ({@code openapi/ingest.json}) describe the same API. */
class IngestOpenApiTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        OpenApiConformance.assertServiceConforms(new IngestModule());
    }
}
