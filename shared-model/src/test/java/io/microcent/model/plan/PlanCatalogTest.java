package io.microcent.model.plan;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.ChargeModel.Allowance;
import io.microcent.model.plan.ChargeModel.GraduatedTiers;
import io.microcent.model.plan.ChargeModel.PackagePrice;
import io.microcent.model.plan.ChargeModel.VolumeTiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlanCatalogTest {

    @ParameterizedTest(name = "{0}: ${1}/month, {2} requests included, then ${3} each")
    @CsvSource({
            "starter,    9,  1000,   0.01",
            "growth,     29, 10000,  0.005",
            "enterprise, 99, 100000, 0.002",
    })
    void theDefaultCatalogIsTheOneSold(String id, String monthlyFee, long included, String overage) {
        Plan plan = PlanCatalog.defaults().find(PlanId.of(id)).orElseThrow();

        assertThat(plan).isEqualTo(Plan.requestAllowance(plan.id(), plan.name(), Microcents.ofDollars(monthlyFee),
                included, Rate.ofDollars(overage)));
        assertThat(plan.includedRequests()).isEqualTo(included);
    }

    @Test
    void theDefaultCatalogKeepsItsOrder() {
        assertThat(PlanCatalog.defaults().all()).extracting(Plan::name).containsExactly("Starter", "Growth", "Enterprise");
    }

    @Test
    void everyChargeModelReadsFromJsonWithExactDecimals() {
        PlanCatalog catalog = PlanCatalog.fromJson("""
                {"plans": [{
                  "id": "builder", "name": "Builder", "monthlyFee": 19.99,
                  "charges": [
                    {"meter": "requests", "model": "allowance", "unitPrice": "0.001"},
                    {"meter": "input_tokens", "model": "graduated", "tiers": [
                      {"upTo": 1000000, "unitPrice": 0.000002, "flatFee": "1.50"},
                      {"unitPrice": "1e-06"}]},
                    {"meter": "output_tokens", "model": "volume", "tiers": [
                      {"upTo": 500000, "unitPrice": "0.00001"},
                      {"unitPrice": "0.000008", "flatFee": "2"}]},
                    {"meter": "total_tokens", "model": "package", "included": 100, "blockSize": 1000, "blockPrice": "0.0005"}
                  ],
                  "tokenPassThrough": {"markup": 0.20}
                }]}
                """);

        Plan plan = catalog.find(PlanId.of("builder")).orElseThrow();
        assertThat(plan.monthlyFee()).isEqualTo(Microcents.of(19_990_000));
        assertThat(plan.charges()).containsExactly(
                new Charge(Meter.REQUESTS, new Allowance(0, Rate.ofMicrocents("1000"))),
                new Charge(Meter.INPUT_TOKENS, new GraduatedTiers(List.of(
                        new Tier(1_000_000, Rate.ofMicrocents("2"), Microcents.of(1_500_000)),
                        Tier.upTo(Tier.UNBOUNDED, Rate.ofMicrocents("1"))))),
                new Charge(Meter.OUTPUT_TOKENS, new VolumeTiers(List.of(
                        Tier.upTo(500_000, Rate.ofMicrocents("10")),
                        new Tier(Tier.UNBOUNDED, Rate.ofMicrocents("8"), Microcents.of(2_000_000))))),
                new Charge(Meter.TOTAL_TOKENS, new PackagePrice(100, 1_000, Rate.ofMicrocents("500"))));
        assertThat(plan.tokenPassThrough()).contains(new TokenPassThrough(new BigDecimal("0.20")));
        assertThat(plan.includedRequests()).isZero();
    }

    @Test
    void aPlanWithOnlyAPassThroughAndNoFeeIsValid() {
        PlanCatalog catalog = PlanCatalog.fromJson("""
                {"plans": [{"id": "credits", "name": "Credits", "monthlyFee": "0", "tokenPassThrough": {"markup": "0"}}]}
                """);

        Plan plan = catalog.find(PlanId.of("credits")).orElseThrow();
        assertThat(plan.charges()).isEmpty();
        assertThat(plan.tokenPassThrough().map(TokenPassThrough::factor)).contains(BigDecimal.ONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # scenario                      | the plan's charges                                                                             | the problem reported
            unknown meter                   | {"meter": "tokens", "model": "allowance", "unitPrice": "0.01"}                                  | plans[0].charges[0].meter: unknown meter 'tokens'; one of requests, input_tokens, output_tokens, total_tokens
            missing meter                   | {"model": "allowance", "unitPrice": "0.01"}                                                     | plans[0].charges[0].meter: is required
            unknown model                   | {"meter": "requests", "model": "linear", "unitPrice": "0.01"}                                   | plans[0].charges[0].model: unknown model 'linear'; one of allowance, graduated, volume, package
            missing model                   | {"meter": "requests"}                                                                           | plans[0].charges[0].model: is required: one of allowance, graduated, volume, package
            allowance without price         | {"meter": "requests", "model": "allowance", "included": 10}                                     | plans[0].charges[0].unitPrice: is required
            negative price                  | {"meter": "requests", "model": "allowance", "unitPrice": "-0.01"}                               | plans[0].charges[0].unitPrice: cannot be negative, got -0.01
            negative allowance              | {"meter": "requests", "model": "allowance", "included": -1, "unitPrice": "0.01"}                | plans[0].charges[0]: included cannot be negative, got -1
            field of another model          | {"meter": "requests", "model": "allowance", "unitPrice": "0.01", "blockSize": 10}               | plans[0].charges[0].blockSize: is not used by model allowance
            tiers missing                   | {"meter": "requests", "model": "graduated"}                                                     | plans[0].charges[0].tiers: is required: at least one tier, the last without upTo
            last tier bounded               | {"meter": "requests", "model": "volume", "tiers": [{"upTo": 10, "unitPrice": "1"}]}             | plans[0].charges[0].tiers: the last tier must have no upTo, so every quantity has a price
            tiers out of order              | {"meter": "requests", "model": "graduated", "tiers": [{"upTo": 10, "unitPrice": "1"}, {"upTo": 10, "unitPrice": "1"}, {"unitPrice": "1"}]} | plans[0].charges[0].tiers: tier 2 must end after tier 1 (upTo 10)
            unbounded tier before the last  | {"meter": "requests", "model": "graduated", "tiers": [{"unitPrice": "1"}, {"unitPrice": "1"}]}  | plans[0].charges[0].tiers: tier 2 must end after tier 1 (upTo 9223372036854775807)
            tier ends at zero               | {"meter": "requests", "model": "graduated", "tiers": [{"upTo": 0, "unitPrice": "1"}, {"unitPrice": "1"}]} | plans[0].charges[0].tiers[0]: upTo must be at least 1, got 0
            flat fee finer than a microcent | {"meter": "requests", "model": "volume", "tiers": [{"unitPrice": "1", "flatFee": "0.0000001"}]}   | plans[0].charges[0].tiers[0].flatFee: not a whole number of microcents: $0.0000001
            package of no units             | {"meter": "requests", "model": "package", "blockSize": 0, "blockPrice": "1"}                     | plans[0].charges[0]: blockSize must be at least 1, got 0
            two charges on one meter        | {"meter": "requests", "model": "allowance", "unitPrice": "1"}, {"meter": "requests", "model": "allowance", "unitPrice": "2"} | plans[0]: more than one charge on meter requests
            a misspelt field                | {"meter": "requests", "model": "allowance", "unitprice": "0.01"}                                | plans[0].charges[0].unitprice: is not a field of the catalog format; known here: blockPrice, blockSize, included, meter, model, tiers, unitPrice
            units that are not whole        | {"meter": "requests", "model": "allowance", "included": 10.5, "unitPrice": "1"}                 | plans[0].charges[0].included: Cannot coerce Floating-point value
            """)
    void aBrokenChargeIsReportedWithWhereItIs(String scenario, String charges, String problem) {
        String json = """
                {"plans": [{"id": "broken", "name": "Broken", "monthlyFee": "1", "charges": [%s]}]}
                """.formatted(charges);

        InvalidPlanCatalogException refused = catchThrowableOfType(InvalidPlanCatalogException.class,
                () -> PlanCatalog.fromJson(json));

        assertThat(refused).as(scenario).isNotNull();
        assertThat(refused.problems()).singleElement().asString().startsWith(problem);
    }

    @Test
    void everyProblemOfACatalogIsReportedAtOnce() {
        InvalidPlanCatalogException refused = catchThrowableOfType(InvalidPlanCatalogException.class,
                () -> PlanCatalog.fromJson("""
                        {"plans": [
                          {"id": "starter", "name": "Starter", "monthlyFee": "9"},
                          {"id": "bad id!", "name": "Bad", "monthlyFee": "-1"},
                          {"id": "starter", "name": "Again", "monthlyFee": "9", "tokenPassThrough": {"markup": "-0.1"}},
                          {"id": "priced", "name": "Priced", "monthlyFee": "1",
                           "charges": [{"meter": "output_tokens", "model": "package", "blockPrice": "1"}]}
                        ]}
                        """));

        assertThat(refused.problems()).containsExactly(
                "plans[1].id: plan may contain only letters, digits and . _ : - and must start with a letter or digit",
                "plans[1].monthlyFee: cannot be negative, got -1",
                "plans[2].tokenPassThrough.markup: markup cannot be negative, got -0.1",
                "plans[3].charges[0].blockSize: is required");
        assertThat(refused).hasMessageStartingWith("invalid plan catalog: plans[1].id: ");
    }

    @Test
    void aPlanIdUsedTwiceIsReportedAtTheSecondPlan() {
        assertThatThrownBy(() -> PlanCatalog.fromJson("""
                {"plans": [{"id": "starter", "name": "A", "monthlyFee": "9"}, {"id": "starter", "name": "B", "monthlyFee": "9"}]}
                """)).isInstanceOfSatisfying(InvalidPlanCatalogException.class, refused -> assertThat(refused.problems())
                .containsExactly("plans[1].id: plan 'starter' is already defined by plans[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON               | {"plans": nope}   | not readable JSON: Unrecognized token 'nope'
            cut short              | {"plans": [       | plans: Unexpected end-of-input
            no plans               | {"plans": []}     | plans: the catalog has no plans
            no plans field         | {}                | plans: the catalog has no plans
            empty document         | '   '             | the catalog is empty
            a plan that is null    | {"plans": [null]} | plans[0]: must be a plan, not null
            """)
    void aCatalogWithoutUsablePlansIsRefused(String scenario, String json, String problem) {
        assertThatThrownBy(() -> PlanCatalog.fromJson(json)).as(scenario)
                .isInstanceOfSatisfying(InvalidPlanCatalogException.class,
                        refused -> assertThat(refused.problems()).singleElement().asString().startsWith(problem));
    }

    @Test
    void aPlanWithoutChargesOrPassThroughHasNoIncludedRequests() {
        Plan seats = new Plan(PlanId.of("seats"), "Seats", Microcents.ofDollars("5"), List.of(), Optional.empty());

        assertThat(seats.includedRequests()).isZero();
        assertThat(seats.charge(Meter.REQUESTS)).isEmpty();
    }
}
