package io.microcent.console.pages.coupons;

import io.microcent.model.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CouponTermsTest {

    @Test
    void termsReadInPlainWords() throws Exception {
        var percent = Json.mapper().readTree("{\"percentOff\":\"12.5\",\"duration\":\"repeating\",\"durationInMonths\":1,"
                + "\"plans\":[\"starter\",\"growth\"],\"billingIntervals\":[\"year\"]}");
        assertThat(CouponTerms.value(percent)).isEqualTo("12.5% off");
        assertThat(CouponTerms.duration(percent)).isEqualTo("for 1 month");
        assertThat(CouponTerms.restrictions(percent)).isEqualTo("plans starter, growth; yearly billing");

        var amount = Json.mapper().readTree("{\"amountOffMicrocents\":2500000,\"duration\":\"once\",\"plans\":[],\"billingIntervals\":[]}");
        assertThat(CouponTerms.value(amount)).isEqualTo("$2.50 off");
        assertThat(CouponTerms.duration(amount)).isEqualTo("once");
        assertThat(CouponTerms.restrictions(amount)).isEmpty();
    }

    @Test
    void aCouponIsExhaustedWhenEveryRedemptionIsUsedAndArchivedAboveAll() throws Exception {
        var full = CouponSummary.of(Json.mapper().readTree("{\"code\":\"X\",\"percentOff\":\"5\",\"duration\":\"once\","
                + "\"maxRedemptions\":2,\"timesRedeemed\":2,\"archived\":false}"));
        assertThat(full.status()).isEqualTo("exhausted");
        assertThat(full.redemptions()).isEqualTo("2 / 2");
        var archived = CouponSummary.of(Json.mapper().readTree("{\"code\":\"X\",\"percentOff\":\"5\",\"duration\":\"once\","
                + "\"maxRedemptions\":2,\"timesRedeemed\":2,\"archived\":true}"));
        assertThat(archived.status()).isEqualTo("archived");
        var open = CouponSummary.of(Json.mapper().readTree("{\"code\":\"X\",\"percentOff\":\"5\",\"duration\":\"once\",\"timesRedeemed\":7,\"archived\":false}"));
        assertThat(open.status()).isEqualTo("active");
        assertThat(open.redemptions()).isEqualTo("7");
    }
}
