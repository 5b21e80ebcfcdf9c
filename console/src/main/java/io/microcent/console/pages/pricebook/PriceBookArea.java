package io.microcent.console.pages.pricebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.UploadedFile;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.format.DollarInput;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/price-book}: every model's current price per million tokens (exact per-token price on hover)
 * and its history, the models usage named without a price, setting one model's price, and importing a LiteLLM
 * catalog (uploaded here, sent to rating as it is, so its numbers keep their exact text).
 */
public final class PriceBookArea implements ConsoleArea {

    private static final String PRICE_BOOK = Nav.PRICE_BOOK.path();
    private static final String PAGE_SIZE = "25";

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(PRICE_BOOK, pages.page(this::show));
        routes.post(PRICE_BOOK + "/models", pages.action(this::setPrice));
        routes.post(PRICE_BOOK + "/import", pages.action(this::importCatalog));
    }

    private void show(ConsoleRequest request) {
        String search = request.param("search").orElse("");
        JsonNode models = request.api().get(ServiceName.RATING, "/v1/price-book/models",
                Api.Query.of("search", search, "after", request.param("after").orElse(null), "limit", PAGE_SIZE));
        JsonNode unpriced = request.api().get(ServiceName.RATING, "/v1/price-book/unpriced", Api.Query.none());
        request.render("Price book", Nav.PRICE_BOOK, "pricebook/page.jte",
                Map.of("view", PriceBookView.of(models, unpriced, search)));
    }

    private void setPrice(ConsoleRequest request) {
        String model = request.param("model").orElse("");
        Map<String, Object> body = new LinkedHashMap<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        request.param("provider").ifPresent(provider -> body.put("provider", provider));
        request.param("effectiveFrom").ifPresent(typed -> {
            try {
                body.put("effectiveFrom", Instant.parse(typed.length() == 16 ? typed + ":00Z" : typed).toString());
            } catch (DateTimeParseException e) {
                errors.add(new ApiProblem.FieldError("effectiveFrom", "invalid", "Effective from: a UTC date and time, e.g. 2026-12-01T00:00"));
            }
        });
        for (String type : List.of("input", "output", "cacheRead", "cacheWrite")) {
            try {
                String perToken = DollarInput.perTokenOfPerMillion(request.param(type + "PerMillion").orElse(null));
                if (perToken != null) {
                    body.put(type + "PerToken", perToken);
                }
            } catch (DollarInput.Invalid e) {
                errors.add(new ApiProblem.FieldError(type + "PerToken", "invalid", e.getMessage()));
            }
        }
        if (model.isEmpty()) {
            errors.add(new ApiProblem.FieldError("model", "required", "The model id is required."));
        }
        if (!errors.isEmpty()) {
            request.refused(PRICE_BOOK + "#set-price", new ApiProblem(422, "validation_failed", "Invalid", "Check the fields marked below.", errors));
            return;
        }
        try {
            // a model id may contain '/', which the price book takes unencoded as the rest of the path
            String path = "/v1/price-book/models/" + String.join("/", java.util.Arrays.stream(model.split("/", -1)).map(Api::segment).toList());
            request.api().put(ServiceName.RATING, path, body);
            request.redirect(PRICE_BOOK + "?search=" + Api.segment(model), "Price of " + model + " set.");
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 && problem.status() != 503) {
                throw problem;
            }
            request.refused(PRICE_BOOK + "#set-price", problem);
        }
    }

    /** htmx answers a fragment with the counts (the page shows progress until then); a plain form gets the page back with them. */
    private void importCatalog(ConsoleRequest request) throws IOException {
        UploadedFile file = request.ctx().uploadedFile("catalog");
        if (file == null || file.size() == 0) {
            answerImport(request, null, "Choose a LiteLLM catalog file (model_prices_and_context_window.json).");
            return;
        }
        byte[] catalog;
        try (InputStream in = file.content()) {
            catalog = in.readAllBytes();
        }
        String effectiveFrom = request.param("effectiveFrom").map(t -> t.length() == 16 ? t + ":00Z" : t).orElse(null);
        try {
            JsonNode summary = request.api().post(ServiceName.RATING, "/v1/price-book/import",
                    Api.Query.of("effectiveFrom", effectiveFrom), catalog);
            answerImport(request, ImportResult.of(summary), null);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 && problem.status() != 503) {
                throw problem;
            }
            answerImport(request, null, problem.detail());
        }
    }

    private static void answerImport(ConsoleRequest request, ImportResult result, String error) {
        if (request.isHtmx()) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("result", result);
            params.put("error", error == null ? "" : error);
            request.fragment("pricebook/import-result.jte", params);
        } else if (result != null) {
            request.redirect(PRICE_BOOK, result.sentence());
        } else {
            request.refused(PRICE_BOOK + "#import", new ApiProblem(422, "invalid", "Import refused", error, List.of()));
        }
    }

    /** What an import changed. */
    public record ImportResult(String effectiveFrom, int imported, int unchanged, List<String> skipped) {

        static ImportResult of(JsonNode summary) {
            List<String> skipped = new ArrayList<>();
            summary.path("skipped").forEach(s -> skipped.add(s.path("key").asText() + ": " + s.path("reason").asText()));
            return new ImportResult(summary.path("effectiveFrom").asText(), summary.path("imported").asInt(),
                    summary.path("unchanged").asInt(), skipped);
        }

        public String sentence() {
            return "Catalog imported from " + effectiveFrom + ": " + imported + " models changed, " + unchanged + " unchanged, "
                    + skipped.size() + " entries skipped.";
        }
    }
}
