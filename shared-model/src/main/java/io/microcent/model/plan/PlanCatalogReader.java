package io.microcent.model.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.microcent.model.id.PlanId;
import io.microcent.model.json.Json;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.PlanCatalogDocument.ChargeDocument;
import io.microcent.model.plan.PlanCatalogDocument.PassThroughDocument;
import io.microcent.model.plan.PlanCatalogDocument.PlanDocument;
import io.microcent.model.plan.PlanCatalogDocument.TierDocument;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads a plan catalog from JSON and checks all of it before refusing it, so an operator sees every
 * mistake of a catalog file at once, each with where it is ({@code plans[1].charges[0].unitPrice}).
 */
final class PlanCatalogReader {

    /** The model names of a catalog, in the order the README documents them. */
    private static final List<String> MODELS = List.of("allowance", "graduated", "volume", "package");

    // Unlike topics, a catalog is written by hand: an unknown field is a typo, and 1000.5 units is a mistake.
    private static final ObjectReader READER = Json.decimalTextMapper().readerFor(PlanCatalogDocument.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private final List<String> problems = new ArrayList<>();

    private PlanCatalogReader() {
    }

    static PlanCatalog read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidPlanCatalogException(List.of("the catalog is empty"));
        }
        PlanCatalogDocument document;
        try {
            document = READER.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidPlanCatalogException(List.of(where(e) + "is not a field of the catalog format; known here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))));
        } catch (JsonMappingException e) {
            throw new InvalidPlanCatalogException(List.of(where(e) + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidPlanCatalogException(List.of("not readable JSON: " + e.getOriginalMessage()));
        }
        if (document == null) {
            throw new InvalidPlanCatalogException(List.of("the catalog is empty"));
        }
        return new PlanCatalogReader().catalog(document);
    }

    private PlanCatalog catalog(PlanCatalogDocument document) {
        if (document.plans() == null || document.plans().isEmpty()) {
            throw new InvalidPlanCatalogException(List.of("plans: the catalog has no plans"));
        }
        List<Plan> plans = new ArrayList<>();
        Map<PlanId, String> definedAt = new HashMap<>();
        for (int i = 0; i < document.plans().size(); i++) {
            String path = "plans[" + i + "]";
            Plan plan = plan(path, document.plans().get(i));
            if (plan == null) {
                continue;
            }
            String earlier = definedAt.putIfAbsent(plan.id(), path);
            if (earlier != null) {
                problems.add(path + ".id: plan '" + plan.id() + "' is already defined by " + earlier);
            }
            plans.add(plan);
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanCatalogException(problems);
        }
        return new PlanCatalog(plans);
    }

    private Plan plan(String path, PlanDocument doc) {
        if (doc == null) {
            return problem(path, "must be a plan, not null");
        }
        int problemsBefore = problems.size();
        PlanId id = check(path + ".id", () -> PlanId.of(doc.id()));
        String name = required(path + ".name", doc.name());
        Microcents monthlyFee = check(path + ".monthlyFee", () -> dollars(required(doc.monthlyFee())));
        List<Charge> charges = new ArrayList<>();
        List<ChargeDocument> chargeDocs = doc.charges() == null ? List.of() : doc.charges();
        for (int i = 0; i < chargeDocs.size(); i++) {
            charges.add(charge(path + ".charges[" + i + "]", chargeDocs.get(i)));
        }
        Optional<TokenPassThrough> passThrough = Optional.ofNullable(doc.tokenPassThrough())
                .map(pass -> passThrough(path + ".tokenPassThrough", pass));
        if (problems.size() > problemsBefore) {
            return null;
        }
        return check(path, () -> new Plan(id, name, monthlyFee, charges, passThrough));
    }

    private Charge charge(String path, ChargeDocument doc) {
        if (doc == null) {
            return problem(path, "must be a charge, not null");
        }
        Meter meter = check(path + ".meter", () -> Meter.fromJsonName(required(doc.meter())));
        ChargeModel model = model(path, doc);
        return meter == null || model == null ? null : new Charge(meter, model);
    }

    private ChargeModel model(String path, ChargeDocument doc) {
        if (doc.model() == null) {
            return problem(path + ".model", "is required: one of " + String.join(", ", MODELS));
        }
        return switch (doc.model()) {
            case "allowance" -> {
                notUsed(path, doc.model(), "tiers", doc.tiers());
                notUsed(path, doc.model(), "blockSize", doc.blockSize());
                notUsed(path, doc.model(), "blockPrice", doc.blockPrice());
                Rate unitPrice = rate(path + ".unitPrice", doc.unitPrice());
                yield unitPrice == null ? null
                        : check(path, () -> new ChargeModel.Allowance(orZero(doc.included()), unitPrice));
            }
            case "graduated", "volume" -> {
                notUsed(path, doc.model(), "included", doc.included());
                notUsed(path, doc.model(), "unitPrice", doc.unitPrice());
                notUsed(path, doc.model(), "blockSize", doc.blockSize());
                notUsed(path, doc.model(), "blockPrice", doc.blockPrice());
                List<Tier> tiers = tiers(path + ".tiers", doc.tiers());
                if (tiers == null) {
                    yield null;
                }
                yield check(path + ".tiers", () -> doc.model().equals("graduated")
                        ? new ChargeModel.GraduatedTiers(tiers) : new ChargeModel.VolumeTiers(tiers));
            }
            case "package" -> {
                notUsed(path, doc.model(), "unitPrice", doc.unitPrice());
                notUsed(path, doc.model(), "tiers", doc.tiers());
                Long blockSize = required(path + ".blockSize", doc.blockSize());
                Rate blockPrice = rate(path + ".blockPrice", doc.blockPrice());
                if (blockSize == null || blockPrice == null) {
                    yield null;
                }
                yield check(path, () -> new ChargeModel.PackagePrice(orZero(doc.included()), blockSize, blockPrice));
            }
            default -> problem(path + ".model", "unknown model '" + doc.model() + "'; one of " + String.join(", ", MODELS));
        };
    }

    private List<Tier> tiers(String path, List<TierDocument> docs) {
        if (docs == null || docs.isEmpty()) {
            return problem(path, "is required: at least one tier, the last without upTo");
        }
        int problemsBefore = problems.size();
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String tierPath = path + "[" + i + "]";
            TierDocument doc = docs.get(i);
            if (doc == null) {
                problem(tierPath, "must be a tier, not null");
                continue;
            }
            Rate unitPrice = rate(tierPath + ".unitPrice", doc.unitPrice());
            Microcents flatFee = doc.flatFee() == null ? Microcents.ZERO : check(tierPath + ".flatFee", () -> dollars(doc.flatFee()));
            long upTo = doc.upTo() == null ? Tier.UNBOUNDED : doc.upTo();
            if (unitPrice != null && flatFee != null) {
                tiers.add(check(tierPath, () -> new Tier(upTo, unitPrice, flatFee)));
            }
        }
        return problems.size() > problemsBefore ? null : tiers;
    }

    private TokenPassThrough passThrough(String path, PassThroughDocument doc) {
        return check(path + ".markup", () -> new TokenPassThrough(required(doc.markup())));
    }

    private Rate rate(String path, BigDecimal dollars) {
        return check(path, () -> Rate.ofDollars(notNegative(required(dollars))));
    }

    private static Microcents dollars(BigDecimal dollars) {
        return Microcents.ofDollars(notNegative(dollars).toPlainString());
    }

    /** Prices are checked as the operator wrote them, in dollars. */
    private static BigDecimal notNegative(BigDecimal dollars) {
        if (dollars.signum() < 0) {
            throw new IllegalArgumentException("cannot be negative, got " + dollars.toPlainString());
        }
        return dollars;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private void notUsed(String path, String model, String field, Object value) {
        if (value != null) {
            problem(path + "." + field, "is not used by model " + model);
        }
    }

    private <T> T required(String path, T value) {
        return value == null ? problem(path, "is required") : value;
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        return value;
    }

    /** Builds a part of the catalog; a refusal becomes a problem at {@code path} and the part is {@code null}. */
    private <T> T check(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return problem(path, e.getMessage());
        }
    }

    private <T> T problem(String path, String message) {
        problems.add(path + ": " + message);
        return null;
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "" : path.substring(path.startsWith(".") ? 1 : 0) + ": ";
    }
}
