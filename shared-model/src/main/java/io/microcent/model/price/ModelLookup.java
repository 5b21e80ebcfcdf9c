package io.microcent.model.price;

import io.microcent.model.id.InvalidIdException;
import io.microcent.model.id.ModelId;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which price book key prices a call, from the provider and model it names: the one rule rating (what a
 * usage event cost) and caps (what a call about to be made may cost) both use. The candidates, in
 * order; the first with a price in effect at the event's time wins:
 * <ol>
 *   <li>{@code <provider>/<model>}, when the event names a provider: that provider's own price for the
 *       model (LiteLLM writes resellers' prices so, e.g. {@code azure/gpt-4o}); it is the most exact id
 *       of the call, so a bare model id (the model maker's price) cannot shadow it;</li>
 *   <li>the model id exactly as sent ({@code gpt-4o}, {@code azure/gpt-4o},
 *       {@code anthropic.claude-3-haiku-20240307-v1:0});</li>
 *   <li>known aliases of the model id: lower-cased; without leading routing prefixes
 *       ({@code openrouter/openai/gpt-4o} → {@code openai/gpt-4o} → {@code gpt-4o}); Bedrock ids without
 *       their cross-region prefix, vendor prefix and version suffix
 *       ({@code us.anthropic.claude-sonnet-4-5-20250929-v1:0} → {@code anthropic.claude-sonnet-4-5-20250929-v1:0}
 *       → {@code claude-sonnet-4-5-20250929-v1:0} → {@code claude-sonnet-4-5-20250929}).</li>
 * </ol>
 * Providers are compared lower-cased. Nothing else is guessed: a date-less name does not match a dated
 * one, so a model the book does not know is reported as unpriced instead of priced as a cousin.
 */
public final class ModelLookup {

    /** A Bedrock model id: optional cross-region inference prefix, vendor, model, optional version suffix. */
    private static final Pattern BEDROCK_ID = Pattern.compile(
            "^(?:(?:us|eu|apac|ap|au|ca|jp|us-gov|global)\\.)?"
                    + "(?<vendor>anthropic|amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|writer|twelvelabs)\\."
                    + "(?<model>.+?)(?<version>-v\\d+(?::\\d+)?)?$");

    private ModelLookup() {
    }

    /** The price of the first candidate key that has one in effect at {@code at}. */
    public static Optional<ModelPrice> priceAt(PriceHistories book, String provider, ModelId model, Instant at) {
        for (ModelId key : candidates(provider, model)) {
            Optional<ModelPrice> price = book.history(key).flatMap(history -> history.priceAt(at));
            if (price.isPresent()) {
                return price;
            }
        }
        return Optional.empty();
    }

    /** The first candidate key the book holds at all, whatever its dates (for showing which entry a model maps to). */
    public static Optional<ModelPriceHistory> find(PriceHistories book, String provider, ModelId model) {
        return candidates(provider, model).stream().map(book::history).flatMap(Optional::stream).findFirst();
    }

    /** The keys tried for an event, most exact first, without repeats. */
    public static List<ModelId> candidates(String provider, ModelId model) {
        Set<String> keys = new LinkedHashSet<>();
        String raw = model.raw();
        if (provider != null && !provider.isBlank()) {
            String prefix = provider.strip().toLowerCase(Locale.ROOT) + "/";
            if (!raw.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                keys.add(prefix + raw);
            }
        }
        keys.add(raw);
        addAliases(raw.toLowerCase(Locale.ROOT), keys);
        return keys.stream().flatMap(ModelLookup::asModelId).toList();
    }

    private static void addAliases(String model, Set<String> keys) {
        keys.add(model);
        String rest = model;
        while (rest.contains("/")) {
            rest = rest.substring(rest.indexOf('/') + 1);
            keys.add(rest);
        }
        Matcher bedrock = BEDROCK_ID.matcher(rest);
        if (bedrock.matches()) {
            String version = bedrock.group("version") == null ? "" : bedrock.group("version");
            keys.add(bedrock.group("vendor") + "." + bedrock.group("model") + version);
            keys.add(bedrock.group("model") + version);
            keys.add(bedrock.group("model"));
        }
    }

    private static Stream<ModelId> asModelId(String key) {
        try {
            return Stream.of(ModelId.of(key));
        } catch (InvalidIdException e) {
            return Stream.empty(); // e.g. a provider with spaces: no book key can look like that
        }
    }
}
