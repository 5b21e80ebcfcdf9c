package io.microcent.console.pages.plans;

import io.microcent.model.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlansViewTest {

    private static PlansView view(String json) throws Exception {
        return PlansView.of(Json.mapper().readTree(json));
    }

    @Test
    void anAllowanceAndAPackageReadAsSentences() throws Exception {
        PlansView view = view("""
                {"plans":[{"id":"b","name":"B","monthlyFeeMicrocents":19000000,"charges":[
                  {"meter":"requests","model":"allowance","included":1000,"unitPrice":"0.01"},
                  {"meter":"requests","model":"allowance","included":0,"unitPrice":"0.002"},
                  {"meter":"requests","model":"package","included":5000,"blockSize":1000,"blockPrice":"2.50"}],
                  "tokenPassThrough":{"markup":"0.20"}}]}""");
        PlansView.Plan plan = view.plans().getFirst();
        assertThat(plan.charges()).extracting(PlansView.Charge::sentence).containsExactly(
                "First 1,000 requests included, then $0.01 each",
                "$0.002 each",
                "First 5,000 requests included, then $2.50 per started block of 1,000 requests");
        assertThat(plan.passThrough()).isEqualTo("Tokens at the provider's cost plus 20% markup");
    }

    @Test
    void tiersCountFromOneAndTheLastIsOpen() throws Exception {
        PlansView view = view("""
                {"plans":[{"id":"b","name":"B","monthlyFeeMicrocents":0,"charges":[
                  {"meter":"input_tokens","model":"graduated","tiers":[
                    {"upTo":1000,"unitPrice":"0.000003","flatFee":"0.00"},
                    {"upTo":5000,"unitPrice":"0.000002","flatFee":"1.00"},
                    {"unitPrice":"0.0000015","flatFee":"0.00"}]}],"tokenPassThrough":null}]}""");
        PlansView.Charge charge = view.plans().getFirst().charges().getFirst();
        assertThat(charge.modelLabel()).isEqualTo("Graduated tiers");
        assertThat(charge.tiers()).containsExactly(
                new PlansView.Tier("1–1,000", "$0.000003", ""),
                new PlansView.Tier("1,001–5,000", "$0.000002", "$1.00"),
                new PlansView.Tier("5,001 and more", "$0.0000015", ""));
        assertThat(view.plans().getFirst().passThrough()).isEmpty();
    }
}
