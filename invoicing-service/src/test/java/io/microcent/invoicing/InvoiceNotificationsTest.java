package io.microcent.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.time.MovableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Invoice transitions through the real service put one {@link InvoiceNotification} each on {@code invoice.events},
 * keyed by customer: period close's finalization, a zero-amount invoice's payment in the same command, an
 * operator's void; a voided draft and repeated runs add nothing.
 */
class InvoiceNotificationsTest {

    private static final MovableClock clock = new MovableClock(Instant.parse("2026-11-10T12:00:00Z"));
    private static RunningInvoicing invoicing;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        invoicing = RunningInvoicing.start(clock);
        api = invoicing.api;
    }

    @AfterAll
    static void stop() {
        invoicing.close();
    }

    @Test
    void each_invoice_transition_is_notified_once() {
        String acme = "acme-" + UUID.randomUUID();
        String free = "free-" + UUID.randomUUID();
        String drafty = "drafty-" + UUID.randomUUID();
        api.createCustomer(acme, "Acme Inc", "starter");
        api.createCustomer(free, "Free Ride", "starter");
        api.createCustomer(drafty, "Drafty Ltd", "starter");
        String coupon = "ALLFREE-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/v1/coupons", "{\"code\":\"" + coupon + "\",\"percentOff\":100,\"duration\":\"forever\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/v1/customers/" + free + "/coupons", "{\"code\":\"" + coupon + "\"}").status()).isEqualTo(201);

        // the month ends: drafts only, nothing to announce; a voided draft is not announced either
        clock.set(Instant.parse("2026-12-01T00:00:30Z"));
        invoicing.service.periodClose().runOnce();
        String draft = onlyInvoice(drafty).get("id").asText();
        var voidedDraft = api.post("/v1/invoices/" + draft + "/void", "");
        assertThat(voidedDraft.status()).isEqualTo(200); // its view has no fixed cents, and once failed on that
        assertThat(voidedDraft.body().get("status").asText()).isEqualTo("void");
        assertThat(voidedDraft.body().get("voidedAt").asText()).isEqualTo("2026-12-01T00:00:30Z");
        assertThat(notifications(acme)).isEmpty();
        assertThat(notifications(drafty)).isEmpty();

        // the grace ends: finalized; the free invoice is paid in the same command
        Instant closed = Instant.parse("2026-12-03T00:00:01Z");
        clock.set(closed);
        invoicing.service.periodClose().runOnce();
        invoicing.service.periodClose().runOnce();
        JsonNode acmeInvoice = onlyInvoice(acme);
        String acmeId = acmeInvoice.get("id").asText();
        assertThat(acmeInvoice.get("amountDueCents").asLong()).isEqualTo(615); // $9 × 20.5 of 30 days
        assertThat(notifications(acme)).containsExactly(InvoiceNotification.of(InvoiceNotification.FINALIZED, acmeId,
                CustomerId.of(acme), BillingPeriod.parse("2026-11"),
                "finalized", 615, 615, closed));
        String freeId = onlyInvoice(free).get("id").asText();
        assertThat(notifications(free)).extracting(InvoiceNotification::id, InvoiceNotification::status,
                        InvoiceNotification::amountDueCents)
                .containsExactly(
                        tuple(freeId + ":invoice.finalized", "finalized", 0L),
                        tuple(freeId + ":invoice.paid", "paid", 0L));
        assertThat(notifications(drafty)).extracting(InvoiceNotification::type).containsExactly(InvoiceNotification.FINALIZED);

        // an operator voids the finalized invoice: announced with what it had asked for
        clock.set(closed.plusSeconds(3600));
        assertThat(api.post("/v1/invoices/" + acmeId + "/void", "").status()).isEqualTo(200);
        List<InvoiceNotification> afterVoid = notifications(acme);
        assertThat(afterVoid).hasSize(2);
        InvoiceNotification voided = afterVoid.get(1);
        assertThat(voided.id()).isEqualTo(acmeId + ":invoice.voided");
        assertThat(voided.type()).isEqualTo(InvoiceNotification.VOIDED);
        assertThat(voided.status()).isEqualTo("void");
        assertThat(voided.amountDueCents()).isEqualTo(615);
        assertThat(voided.occurredAt()).isEqualTo(closed.plusSeconds(3600));

        // the reissue is a new invoice with its own finalization; voiding again changes nothing and announces nothing
        invoicing.service.periodClose().runOnce();
        invoicing.service.periodClose().runOnce();
        assertThat(api.post("/v1/invoices/" + acmeId + "/void", "").status()).isEqualTo(200);
        List<InvoiceNotification> all = notifications(acme);
        assertThat(all).extracting(InvoiceNotification::type)
                .containsExactly(InvoiceNotification.FINALIZED, InvoiceNotification.VOIDED, InvoiceNotification.FINALIZED);
        assertThat(all.get(2).invoice()).isNotEqualTo(acmeId);
        assertThat(notifications(free)).hasSize(2);
    }

    /** The customer's notifications on the topic, in order, each checked to be keyed by its customer. */
    private static List<InvoiceNotification> notifications(String customer) {
        List<InvoiceNotification> found = new ArrayList<>();
        var deserializer = Topics.INVOICE_EVENTS.valueSerde().deserializer();
        for (ConsumerRecord<String, String> record : KafkaTestRecords.readAll(invoicing.context.kafkaBootstrap(),
                Topics.INVOICE_EVENTS.name(), true)) {
            if (customer.equals(record.key())) {
                InvoiceNotification notification = deserializer.deserialize(Topics.INVOICE_EVENTS.name(),
                        record.value().getBytes(StandardCharsets.UTF_8));
                assertThat(notification.customer().raw()).isEqualTo(customer);
                found.add(notification);
            }
        }
        return found;
    }

    private static JsonNode onlyInvoice(String customer) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/v1/invoices?customer=" + customer + "&period=2026-11").body().get("invoices").forEach(invoice -> {
            if (!invoice.get("status").asText().equals("void")) {
                found.add(invoice);
            }
        });
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
