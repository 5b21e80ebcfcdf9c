package io.microcent.invoicing;

import io.microcent.platform.test.OpenApiConformance;
import org.junit.jupiter.api.Test;

/** The routes invoicing registers and its OpenAPI fragment ({@code openapi/invoicing.json}) describe the same API. */
class InvoicingOpenApiTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        OpenApiConformance.assertServiceConforms(new InvoicingModule());
    }
}
