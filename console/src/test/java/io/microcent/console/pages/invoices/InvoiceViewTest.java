package io.microcent.console.pages.invoices;

import io.microcent.model.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceViewTest {

    private static InvoiceView invoice(String status, String stripe, String paidAt) throws Exception {
        return InvoiceView.of(Json.mapper().readTree("{\"id\":\"in_1\",\"customer\":\"acme\",\"period\":\"2026-11\",\"status\":\""
                + status + "\",\"lines\":[{\"kind\":\"usage\",\"description\":\"Usage\",\"quantity\":3,\"unitPrice\":null,"
                + "\"amountMicrocents\":12345,\"amountCents\":1}],\"totalCents\":1,\"paidAt\":" + paidAt
                + ",\"stripe\":{\"status\":\"" + stripe + "\",\"invoiceId\":null,\"lastError\":null,\"totalCents\":null}}"));
    }

    @Test
    void onlyADraftIsFinalizedAndOnlyAnUnpaidFinalOneVoided() throws Exception {
        assertThat(invoice("draft", "off", "null").mayFinalize()).isTrue();
        assertThat(invoice("finalized", "synced", "null").mayFinalize()).isFalse();
        assertThat(invoice("finalized", "synced", "null").mayVoid()).isTrue();
        assertThat(invoice("payment_failed", "synced", "null").mayVoid()).isTrue();
        assertThat(invoice("paid", "synced", "\"2026-12-02T00:00:00Z\"").mayVoid()).isFalse();
        assertThat(invoice("draft", "off", "null").mayVoid()).isFalse();
        assertThat(invoice("void", "off", "null").mayVoid()).isFalse();
    }

    @Test
    void syncIsRetriedOnlyWhenStripeFailedOrIsPending() throws Exception {
        assertThat(invoice("finalized", "failed", "null").mayRetrySync()).isTrue();
        assertThat(invoice("finalized", "pending", "null").mayRetrySync()).isTrue();
        assertThat(invoice("finalized", "synced", "null").mayRetrySync()).isFalse();
        assertThat(invoice("finalized", "off", "null").mayRetrySync()).isFalse();
    }

    @Test
    void missingValuesAreEmptyNotTheWordNull() throws Exception {
        InvoiceView view = invoice("finalized", "off", "null");
        assertThat(view.lines().getFirst().unitPrice()).isEmpty();
        assertThat(view.paidAt()).isEmpty();
        assertThat(view.stripe().invoiceId()).isEmpty();
        assertThat(view.stripe().totalCents()).isNull();
        assertThat(view.statusLabel()).isEqualTo("Finalized");
        assertThat(InvoiceStatus.label("payment_failed")).isEqualTo("Payment failed");
    }
}
