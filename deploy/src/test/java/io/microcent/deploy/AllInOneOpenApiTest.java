package io.microcent.deploy;

import io.microcent.platform.test.OpenApiConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The all-in-one's {@code /openapi.json} describes exactly the routes of the four services it hosts. */
class AllInOneOpenApiTest {

    @Test
    void everyRouteOfEveryServiceIsDocumentedAndNothingElse(@TempDir Path dataDir) {
        try (AllInOne platform = AllInOne.start(TestPlatform.env(dataDir, Map.of()), Clock.systemUTC())) {
            OpenApiConformance.assertConforms(platform.http());
        }
    }
}
