package io.microcent.rating.analytics;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.usage.Tag;

import java.util.function.Function;

/**
 * A repeatable filter of the analytics queries, as its query parameter names it; each value is checked by the
 * rule of its id (or {@link Tag}), and {@value ActivityReport#NONE_LABEL} stands for usage that did not name the
 * dimension (for {@code tag}: usage without tags), as breakdowns label it. Each is spelled as the {@link GroupBy}
 * of the same dimension, whose column it filters.
 */
public enum UsageFilter {
    API_KEY("apiKey", ApiKeyId::of),
    TEAM("team", TeamId::of),
    TAG("tag", Tag::of),
    MODEL("model", ModelId::of),
    PROJECT("project", ProjectId::of),
    USER("user", UserId::of);

    private final String parameter;
    private final Function<String, ?> check;

    UsageFilter(String parameter, Function<String, ?> check) {
        this.parameter = parameter;
        this.check = check;
    }

    public String parameter() {
        return parameter;
    }

    /** The problem code of a value the rule refuses. */
    String invalidCode() {
        return this == TAG ? "invalid_tag" : "invalid_id";
    }

    /** Throws {@link InvalidIdException} when {@code raw} is not a value of this dimension. */
    void check(String raw) {
        if (!ActivityReport.NONE_LABEL.equals(raw)) {
            check.apply(raw);
        }
    }
}
