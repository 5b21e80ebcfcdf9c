package io.microcent.caps.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.json.Json;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookFormatTest {

    private static final CustomerId ACME = CustomerId.of("acme");

    /** 80 % of a $250 soft cap on project "web <beta>": $200.004 spent. */
    private static final CapAlert PROJECT_AT_80 = CapAlerts.alert("cap-7", CapScope.PROJECT, "web <beta>", CapMode.SOFT, 80,
            Microcents.of(200_004_000), Microcents.ofDollars("250"), false);

    private static final CapAlert CUSTOMER_BLOCKED = CapAlerts.alert("cap-9", CapScope.CUSTOMER, "acme", CapMode.HARD, 100,
            Microcents.ofDollars("100.02"), Microcents.ofDollars("100"), true);

    @Test
    void jsonCarriesTheAlertIdItsTypeItsTimeAndTheAlertWithExactMicrocents() throws Exception {
        JsonNode event = Json.mapper().readTree(WebhookFormat.JSON.render(PROJECT_AT_80));

        assertThat(event.get("id").asText()).isEqualTo("cap-7|2026-11|80");
        assertThat(event.get("type").asText()).isEqualTo("cap.threshold_crossed");
        assertThat(event.get("createdAt").asText()).isEqualTo("2026-11-21T10:15:30Z");
        JsonNode data = event.get("data");
        assertThat(data.get("customer").asText()).isEqualTo("acme");
        assertThat(data.get("scope").asText()).isEqualTo("project");
        assertThat(data.get("spentMicrocents").asLong()).isEqualTo(200_004_000);
        assertThat(data.get("limitMicrocents").asLong()).isEqualTo(250_000_000);
        assertThat(data.get("blocked").asBoolean()).isFalse();
        assertThat(Json.mapper().treeToValue(data, CapAlert.class)).isEqualTo(PROJECT_AT_80);
    }

    @Test
    void aBlockingAlertIsOfTypeCapBlocked() throws Exception {
        JsonNode event = Json.mapper().readTree(WebhookFormat.JSON.render(CUSTOMER_BLOCKED));

        assertThat(event.get("type").asText()).isEqualTo("cap.blocked");
    }

    @Test
    void slackIsATextWithBlocksShowingCustomerScopeAndDollarsOfTheCap() throws Exception {
        JsonNode message = Json.mapper().readTree(WebhookFormat.SLACK.render(PROJECT_AT_80));

        assertThat(message.get("text").asText())
                .contains("acme", "project web &lt;beta&gt;", "2026-11", "spent $200.00 of $250.00 (80 %)", "Not blocked");
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).get("text").get("text").asText()).contains("acme passed 80 %");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(1).get("fields")).extracting(field -> field.get("text").asText()).containsExactly(
                "*Customer*\nacme", "*Scope*\nproject web &lt;beta&gt;", "*Spent*\n$200.00 of $250.00 (80 %)", "*Period*\n2026-11");
        assertThat(blocks).allSatisfy(block -> assertThat(block.get("type").asText()).isIn("header", "section", "context"));
    }

    @Test
    void aBlockedCustomerReadsAsBlockedWithItsExactShareOfTheCap() throws Exception {
        JsonNode message = Json.mapper().readTree(WebhookFormat.SLACK.render(CUSTOMER_BLOCKED));

        assertThat(message.get("text").asText())
                .contains("acme is blocked", "whole customer", "$100.02 of $100.00 (100 %)", "refused until the period ends");
    }

    @Test
    void theShareOfTheCapIsExactToOneDecimal() {
        CapAlert atOneThird = CapAlerts.alert("c", CapScope.CUSTOMER, "acme", CapMode.HARD, 33,
                Microcents.of(1), Microcents.of(3), false);

        assertThat(SlackMessage.percentOfLimit(atOneThird)).isEqualTo("33.3");
        assertThat(SlackMessage.percentOfLimit(PROJECT_AT_80)).isEqualTo("80");
    }

    @Test
    void formatsAreNamedInLowercase() {
        assertThat(WebhookFormat.parse("slack")).contains(WebhookFormat.SLACK);
        assertThat(WebhookFormat.parse("json")).contains(WebhookFormat.JSON);
        assertThat(WebhookFormat.parse("xml")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "invoice.finalized | finalized | 1050 | Invoice in_&lt;1&gt; for acme (2026-11) finalized: $10.50 due",
            "invoice.paid | paid | 5 | Invoice in_&lt;1&gt; for acme (2026-11) paid: $0.05",
            "invoice.payment_failed | payment_failed | 123456 | Invoice in_&lt;1&gt; for acme (2026-11) payment failed: $1234.56 due",
            "invoice.voided | void | 0 | Invoice in_&lt;1&gt; for acme (2026-11) voided: $0.00 no longer due",
            "invoice.marked_uncollectible | uncollectible | 1050 | Invoice in_&lt;1&gt; for acme (2026-11) marked uncollectible: $10.50 due"})
    void anInvoiceEventIsOneLineInSlack(String type, String status, long cents, String text) throws Exception {
        InvoiceNotification invoice = InvoiceNotification.of(type, "in_<1>", ACME, BillingPeriod.parse("2026-11"),
                status, cents, cents, CapAlerts.NOV_21);

        JsonNode message = Json.mapper().readTree(WebhookFormat.SLACK.render(invoice));

        assertThat(message.get("text").asText()).isEqualTo(text);
        assertThat(message.size()).isEqualTo(1);
    }

    @Test
    void anInvoiceEventInJsonHasTheAlertsEnvelope() throws Exception {
        InvoiceNotification paid = InvoiceNotification.of(InvoiceNotification.PAID, "in_1", ACME, BillingPeriod.parse("2026-11"),
                "paid", 1_050, 1_100, CapAlerts.NOV_21);

        JsonNode event = Json.mapper().readTree(WebhookFormat.JSON.render(paid));

        assertThat(event.get("id").asText()).isEqualTo("in_1:invoice.paid");
        assertThat(event.get("type").asText()).isEqualTo("invoice.paid");
        assertThat(event.get("createdAt").asText()).isEqualTo("2026-11-21T10:15:30Z");
        assertThat(event.get("data").get("totalCents").asLong()).isEqualTo(1_100);
        assertThat(Json.mapper().treeToValue(event.get("data"), InvoiceNotification.class)).isEqualTo(paid);
    }
}
