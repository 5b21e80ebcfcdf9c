package io.microcent.rating;

import io.microcent.platform.test.OpenApiConformance;
import org.junit.jupiter.api.Test;

import java.util.Set;

/** The routes rating registers and its OpenAPI fragment ({@code openapi/rating.json}) describe the same API. */
class RatingOpenApiTest {

    /** Documented already; their routes are being added with the dead-letter API. Drop once they are registered. */
    static final Set<String> DEAD_LETTER_ROUTES = Set.of("GET /v1/dead-letters", "POST /v1/dead-letters/replay");

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        OpenApiConformance.assertServiceConforms(new RatingModule(), DEAD_LETTER_ROUTES);
    }
}
