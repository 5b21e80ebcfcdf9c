package io.microcent.rating.pricebook.litellm;

import java.util.List;

/** What a catalog holds: the models priced per token, and every other entry with the reason it was left out. */
public record ParsedCatalog(List<CatalogModel> models, List<SkippedEntry> skipped) {

    public ParsedCatalog {
        models = List.copyOf(models);
        skipped = List.copyOf(skipped);
    }
}
