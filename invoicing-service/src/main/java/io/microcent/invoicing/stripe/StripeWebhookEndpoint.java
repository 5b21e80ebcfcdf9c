package io.microcent.invoicing.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.stripeinvoiceevent.RecordStripeInvoiceEvent;
import io.microcent.invoicing.write.stripeinvoiceevent.StripeInvoiceOutcome;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.json.Json;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.STRIPE_WEBHOOK_EVENTS;

/**
 * {@code POST /v1/stripe/webhooks}: Stripe's events about our invoices, signed with the endpoint's secret (no operator
 * token). A verified event of a known type becomes {@link RecordStripeInvoiceEvent}; its id is stored in
 * {@code stripe_webhook_events} in the command's own transaction, so a redelivery is acknowledged and ignored, and an
 * event whose command failed leaves no trace and is handled again when Stripe redelivers it.
 */
final class StripeWebhookEndpoint implements HttpRoutes {

    /** How old a signature may be, as Stripe's libraries default to: a replayed old delivery is refused. */
    static final long TOLERANCE_SECONDS = 300;

    /** What the answer says happened. */
    enum Outcome { RECORDED, DUPLICATE, IGNORED }

    record Answer(String event, String outcome) {
    }

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookEndpoint.class);
    private static final Map<String, StripeInvoiceOutcome> OUTCOMES = Map.of(
            "invoice.paid", StripeInvoiceOutcome.PAID,
            "invoice.payment_failed", StripeInvoiceOutcome.PAYMENT_FAILED,
            "invoice.voided", StripeInvoiceOutcome.VOIDED,
            "invoice.marked_uncollectible", StripeInvoiceOutcome.MARKED_UNCOLLECTIBLE);

    private final Optional<String> secret;
    private final JdbcTransactions transactions;
    private final StripeSyncRows rows;
    private final CommandSender commands;
    private final Clock clock;
    private final Clock signatureClock;

    StripeWebhookEndpoint(Optional<String> secret, JdbcTransactions transactions, StripeSyncRows rows, CommandSender commands,
                          Clock clock, Clock signatureClock) {
        this.secret = secret;
        this.transactions = transactions;
        this.rows = rows;
        this.commands = commands;
        this.clock = clock;
        this.signatureClock = signatureClock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/stripe/webhooks", this::post);
    }

    private void post(Context ctx) {
        if (secret.isEmpty()) {
            throw new ApiException(ErrorCode.STRIPE_NOT_CONFIGURED, "Stripe webhooks are off: MICROCENT_STRIPE_WEBHOOK_SECRET is not set");
        }
        byte[] body = ctx.bodyAsBytes();
        JsonBodies.requireUtf8(body);
        Event event = verified(new String(body, StandardCharsets.UTF_8), ctx.header("Stripe-Signature"));
        ctx.json(new Answer(event.getId(), handle(event).name().toLowerCase(java.util.Locale.ROOT)));
    }

    private Event verified(String payload, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new ApiException(ErrorCode.WEBHOOK_SIGNATURE_INVALID, "the Stripe-Signature header is missing");
        }
        try {
            return Webhook.constructEvent(payload, signature, secret.orElseThrow(), TOLERANCE_SECONDS, signatureClock);
        } catch (SignatureVerificationException e) {
            throw new ApiException(ErrorCode.WEBHOOK_SIGNATURE_INVALID,
                    "the Stripe-Signature header does not verify with the webhook secret, or is older than "
                            + TOLERANCE_SECONDS + " seconds");
        } catch (RuntimeException e) { // signed, but not a Stripe event
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the body is not a Stripe event");
        }
    }

    private Outcome handle(Event event) {
        StripeInvoiceOutcome outcome = OUTCOMES.get(event.getType());
        if (outcome == null || event.getId() == null) {
            log.info("Stripe event {} of type {} ignored: not one invoicing acts on", event.getId(), event.getType());
            return Outcome.IGNORED;
        }
        Optional<InvoiceId> invoice = ourInvoice(event);
        if (invoice.isEmpty()) {
            log.info("Stripe event {} ({}) ignored: its invoice is not one of ours", event.getId(), event.getType());
            return Outcome.IGNORED;
        }
        Instant occurredAt = Instant.ofEpochSecond(event.getCreated() == null ? clock.instant().getEpochSecond() : event.getCreated());
        return transactions.fetchInTransaction(() -> {
            int inserted = transactions.dsl().insertInto(STRIPE_WEBHOOK_EVENTS)
                    .set(STRIPE_WEBHOOK_EVENTS.EVENT_ID, event.getId())
                    .set(STRIPE_WEBHOOK_EVENTS.TYPE, event.getType())
                    .set(STRIPE_WEBHOOK_EVENTS.INVOICE_ID, invoice.get().raw())
                    .set(STRIPE_WEBHOOK_EVENTS.RECEIVED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .onConflict(STRIPE_WEBHOOK_EVENTS.EVENT_ID).doNothing()
                    .execute();
            if (inserted == 0) {
                log.info("Stripe event {} ignored: already handled", event.getId());
                return Outcome.DUPLICATE;
            }
            // joins this transaction: the dedup row commits with the command's events, or neither does
            commands.send(new RecordStripeInvoiceEvent(invoice.get(), outcome, event.getId(), occurredAt));
            return Outcome.RECORDED;
        });
    }

    /** Our invoice id from the Stripe invoice's metadata, else from the Stripe invoice ids we created. */
    private Optional<InvoiceId> ourInvoice(Event event) {
        JsonNode object;
        try {
            object = Json.mapper().readTree(event.getDataObjectDeserializer().getRawJson());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (object == null || !"invoice".equals(object.path("object").asText())) {
            return Optional.empty();
        }
        String tagged = object.path("metadata").path(StripeCalls.INVOICE_METADATA).asText(null);
        if (InvoiceId.isWellFormed(tagged)) {
            return Optional.of(InvoiceId.of(tagged));
        }
        String stripeInvoiceId = object.path("id").asText(null);
        return stripeInvoiceId == null ? Optional.empty() : rows.invoiceOfStripeInvoice(stripeInvoiceId);
    }
}
