package io.microcent.model.invoice;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceNotificationTest {

    private static final String INVOICE = "in_6c1f8a52-6a0e-3c6b-9a3e-1d2b3c4d5e6f";

    @Test
    void a_notification_travels_on_invoice_events_keyed_by_customer_with_a_stable_id() {
        InvoiceNotification paid = InvoiceNotification.of(InvoiceNotification.PAID, INVOICE, CustomerId.of("acme"),
                BillingPeriod.parse("2026-11"), "paid", 1_050, 1_050, Instant.parse("2026-12-03T00:00:01Z"));
        var serde = Topics.INVOICE_EVENTS.valueSerde();
        byte[] bytes = serde.serializer().serialize(Topics.INVOICE_EVENTS.name(), paid);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"id\":\"" + INVOICE + ":invoice.paid\"",
                "\"type\":\"invoice.paid\"", "\"customer\":\"acme\"", "\"period\":\"2026-11\"", "\"amountDueCents\":1050",
                "\"currency\":\"usd\"", "\"occurredAt\":\"2026-12-03T00:00:01Z\"");
        assertThat(serde.deserializer().deserialize(Topics.INVOICE_EVENTS.name(), bytes)).isEqualTo(paid);
        assertThat(Topics.all()).contains(Topics.INVOICE_EVENTS);
        assertThat(Topics.customerOfKey("invoice.events", "acme".getBytes(StandardCharsets.UTF_8))).contains(CustomerId.of("acme"));
    }

    @Test
    void only_the_known_types_exist() {
        assertThatThrownBy(() -> InvoiceNotification.of("invoice.created", INVOICE, CustomerId.of("acme"),
                BillingPeriod.parse("2026-11"), "draft", 0, 0, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
