package io.microcent.rating;

import io.microcent.platform.test.OpenApiConformance;
import org.junit.jupiter.api.Test;

/** The routes rating registers and its OpenAPI fragment ({@code openapi/rating.json}) describe the same API. */
class RatingOpenApiTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        OpenApiConformance.assertServiceConforms(new RatingModule());
    }
}
