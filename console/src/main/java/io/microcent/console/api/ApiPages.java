package io.microcent.console.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Every item of a paged list (the services' {@code nextCursor} lists), for exports that must hold the whole
 * filtered list, not the page on screen. A cursor that comes back again stops the walk with an error rather
 * than looping.
 */
public final class ApiPages {

    private ApiPages() {
    }

    /**
     * @param page      asks for one page: given the cursor ({@code null} for the first), answers the service's JSON
     * @param listField the array of items in each answer, e.g. {@code customers}
     */
    public static List<JsonNode> all(Function<String, JsonNode> page, String listField) {
        List<JsonNode> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            JsonNode answer = page.apply(cursor);
            answer.path(listField).forEach(items::add);
            cursor = answer.path("nextCursor").isTextual() ? answer.path("nextCursor").asText() : null;
            if (cursor != null && !seen.add(cursor)) {
                throw new ApiProblem(502, "cursor_repeated", "A list could not be read to its end",
                        "the service answered the same " + listField + " cursor twice", List.of());
            }
        } while (cursor != null);
        return items;
    }
}
