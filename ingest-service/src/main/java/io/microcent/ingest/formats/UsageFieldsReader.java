package io.microcent.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.FieldReasons;
import io.microcent.ingest.events.TokenCounts;
import io.microcent.ingest.events.UsageDetails;
import io.microcent.ingest.providers.ProviderUsageAdapter;
import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.IdRule;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the usage fields every format carries in one JSON object (the event itself, or a CloudEvent's
 * {@code data}): the scope fields, the optional {@code reservationId} from caps' {@code /v1/authorize},
 * {@code requests}, the optional {@code tags}, and the tokens, either as Microcent's token fields or as the provider's own usage
 * object in {@code usage}.
 */
public final class UsageFieldsReader {

    static final String USAGE = "usage";
    static final String PROVIDER = "provider";
    static final String TAGS = "tags";
    static final List<String> TOKEN_FIELDS = List.of("inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens");

    /** An event that says nothing about requests is one request. */
    private static final long DEFAULT_REQUESTS = 1;

    private final ProviderUsageAdapters adapters;

    public UsageFieldsReader(ProviderUsageAdapters adapters) {
        this.adapters = adapters;
    }

    public UsageDetails read(JsonNode object, FieldReader fields) {
        ProjectId project = fields.id(object, "project", ProjectId::of, false);
        CostCenterId costCenter = fields.id(object, "costCenter", CostCenterId::of, false);
        ApiKeyId apiKeyId = fields.id(object, "apiKeyId", ApiKeyId::of, false);
        UserId user = fields.id(object, "user", UserId::of, false);
        TeamId team = fields.id(object, "team", TeamId::of, false);
        String provider = fields.id(object, PROVIDER, raw -> IdRule.TOKEN.check(PROVIDER, raw), false);
        ModelId model = fields.id(object, "model", ModelId::of, false);
        ReservationId reservationId = fields.id(object, "reservationId", ReservationId::of, false);
        long requests = fields.quantity(object, "requests", DEFAULT_REQUESTS, UsageLimits.MAX_REQUESTS);
        List<Tag> tags = tags(object, fields);
        TokenCounts tokens = FieldReader.present(object, USAGE)
                ? providerTokens(object, provider, fields)
                : flatTokens(object, fields);
        return new UsageDetails(project, costCenter, apiKeyId, user, team, provider, model, requests, tokens, reservationId, tags);
    }

    /**
     * {@code tags}: absent or null is none; otherwise an array of {@code key:value} strings, each reported at
     * {@code tags[i]} when it is not one, and at most {@link Tag#MAX_PER_EVENT} once duplicates are removed.
     */
    private static List<Tag> tags(JsonNode object, FieldReader fields) {
        if (!FieldReader.present(object, TAGS)) {
            return List.of();
        }
        JsonNode array = object.get(TAGS);
        if (!array.isArray()) {
            fields.error(TAGS, FieldReasons.WRONG_TYPE, fields.path(TAGS) + " must be an array of \"key:value\" strings");
            return List.of();
        }
        List<Tag> tags = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String element = TAGS + "[" + i + "]";
            Tag tag = fields.id(array, i, element, Tag::of, FieldReasons.INVALID_TAG);
            if (tag != null) {
                tags.add(tag);
            }
        }
        List<Tag> normalized = Tag.normalized(tags);
        if (normalized.size() > Tag.MAX_PER_EVENT) {
            fields.error(TAGS, FieldReasons.TOO_MANY_TAGS, fields.path(TAGS) + " has " + normalized.size()
                    + " distinct tags; at most " + Tag.MAX_PER_EVENT + " are allowed");
            return List.of();
        }
        return normalized;
    }

    private static TokenCounts flatTokens(JsonNode object, FieldReader fields) {
        return new TokenCounts(
                fields.quantity(object, "inputTokens", 0),
                fields.quantity(object, "outputTokens", 0),
                fields.quantity(object, "cacheReadTokens", 0),
                fields.quantity(object, "cacheWriteTokens", 0));
    }

    private TokenCounts providerTokens(JsonNode object, String provider, FieldReader fields) {
        List<String> alsoFlat = TOKEN_FIELDS.stream().filter(field -> FieldReader.present(object, field)).toList();
        if (!alsoFlat.isEmpty()) {
            fields.error(USAGE, FieldReasons.AMBIGUOUS_USAGE, "send either a provider usage object in "
                    + fields.path(USAGE) + " or the token fields " + alsoFlat + ", not both");
            return TokenCounts.NONE;
        }
        JsonNode usage = fields.object(object, USAGE);
        if (usage == null) {
            return TokenCounts.NONE;
        }
        if (provider == null) {
            if (!FieldReader.present(object, PROVIDER)) { // an invalid provider was reported already
                fields.error(PROVIDER, FieldReasons.REQUIRED, fields.path(PROVIDER) + " is required with a usage object, "
                        + "to know whose usage it is: one of " + adapters.providers());
            }
            return TokenCounts.NONE;
        }
        Optional<ProviderUsageAdapter> adapter = adapters.forProvider(provider);
        if (adapter.isEmpty()) {
            fields.error(PROVIDER, FieldReasons.UNSUPPORTED_PROVIDER, "no usage object adapter for provider '" + provider
                    + "'; use one of " + adapters.providers() + ", or send the token fields instead of " + fields.path(USAGE));
            return TokenCounts.NONE;
        }
        return adapters.read(adapter.get(), usage, fields.nested(USAGE));
    }
}
