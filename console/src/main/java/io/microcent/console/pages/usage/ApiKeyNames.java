package io.microcent.console.pages.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.ConsoleRequest;

import java.util.HashMap;
import java.util.Map;

/** Ingest's key names by key id, to show beside the ids usage carries; none when ingest does not answer. */
public final class ApiKeyNames {

    private ApiKeyNames() {
    }

    public static Map<String, String> of(ConsoleRequest request) {
        Map<String, String> names = new HashMap<>();
        try {
            for (JsonNode key : request.api().get(ServiceName.INGEST, "/v1/api-keys", Api.Query.none()).path("keys")) {
                names.put(key.path("id").asText(), key.path("name").asText());
            }
        } catch (ApiProblem unavailable) {
            // the pages still work on ids
        }
        return names;
    }
}
