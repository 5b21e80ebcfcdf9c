package io.microcent.caps.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapScope;
import io.microcent.model.invoice.InvoiceNotification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A cap alert as a Slack incoming-webhook message: {@code text} (the notification and fallback) plus
 * Block Kit {@code blocks} for people reading the channel. Amounts are shown rounded to the cent; the
 * exact microcents are in the {@code json} format. An invoice transition is one line of {@code text}.
 */
final class SlackMessage {

    /** Slack refuses header blocks longer than this. */
    private static final int HEADER_MAX = 150;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlackMessage() {
    }

    static ObjectNode of(CapAlert alert) {
        String customer = escape(alert.customer().raw());
        String amount = alert.spentMicrocents().toDisplayDollars() + " of " + alert.limitMicrocents().toDisplayDollars()
                + " (" + percentOfLimit(alert) + " %)";
        String spentLabel = alert.measure() == CapMeasure.COST ? "Provider cost" : "Spent";

        ObjectNode message = NODES.objectNode();
        message.put("text", (alert.blocked() ? ":no_entry: " : ":warning: ") + headline(alert) + " — "
                + scope(alert) + ", " + alert.period() + ": " + spentLabel.toLowerCase(Locale.ROOT) + " "
                + amount + ". " + consequence(alert));
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject().put("type", "header")
                .set("text", plainText(truncate((alert.blocked() ? "⛔ " : "⚠️ ") + headline(alert))));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        fields.add(markdown("*Customer*\n" + customer));
        fields.add(markdown("*Scope*\n" + scope(alert)));
        fields.add(markdown("*" + spentLabel + "*\n" + amount));
        fields.add(markdown("*Period*\n" + alert.period()));
        blocks.addObject().put("type", "section").set("text", markdown(consequence(alert)));
        blocks.addObject().put("type", "context").putArray("elements").add(markdown(
                (alert.mode() == null ? "" : alert.mode().wireName() + " ") + "cap `" + alert.capId() + "` · threshold "
                        + alert.thresholdPercent() + " % · alert `" + alert.alertId() + "`"));
        return message;
    }

    /** E.g. {@code Invoice in_… for acme (2026-11) finalized: $10.50 due}. */
    static ObjectNode of(InvoiceNotification invoice) {
        String due = dollars(invoice.amountDueCents());
        String outcome = switch (invoice.type()) {
            case InvoiceNotification.FINALIZED -> "finalized: " + due + " due";
            case InvoiceNotification.PAID -> "paid: " + due;
            case InvoiceNotification.PAYMENT_FAILED -> "payment failed: " + due + " due";
            case InvoiceNotification.VOIDED -> "voided: " + due + " no longer due";
            case InvoiceNotification.MARKED_UNCOLLECTIBLE -> "marked uncollectible: " + due + " due";
            default -> escape(invoice.type());
        };
        return NODES.objectNode().put("text", "Invoice " + escape(invoice.invoice()) + " for "
                + escape(invoice.customer().raw()) + " (" + invoice.period() + ") " + outcome);
    }

    /** Whole cents as dollars: {@code 1050} → {@code $10.50}. */
    private static String dollars(long cents) {
        BigDecimal dollars = BigDecimal.valueOf(cents, 2);
        return dollars.signum() < 0 ? "-$" + dollars.negate().toPlainString() : "$" + dollars.toPlainString();
    }

    private static String headline(CapAlert alert) {
        return alert.blocked()
                ? "Spend cap reached: " + alert.customer().raw() + " is blocked"
                : "Spend cap alert: " + alert.customer().raw() + " passed " + alert.thresholdPercent() + " %";
    }

    private static String scope(CapAlert alert) {
        return alert.scope() == CapScope.CUSTOMER
                ? "whole customer"
                : alert.scope().wireName() + " " + escape(alert.scopeId());
    }

    private static String consequence(CapAlert alert) {
        if (alert.blocked()) {
            return "Blocked: new calls in this scope are refused until the period ends.";
        }
        return alert.mode() == CapMode.HARD
                ? "Not blocked yet: calls are refused once spend reaches the cap."
                : "Not blocked: this soft cap only alerts.";
    }

    /** Spend as a percentage of the cap, one decimal at most: {@code 80}, {@code 80.5}. */
    static String percentOfLimit(CapAlert alert) {
        long limit = alert.limitMicrocents().value();
        if (limit <= 0) {
            return Integer.toString(alert.thresholdPercent());
        }
        return BigDecimal.valueOf(alert.spentMicrocents().value()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(limit), 1, RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    private static ObjectNode markdown(String text) {
        return NODES.objectNode().put("type", "mrkdwn").put("text", text);
    }

    private static ObjectNode plainText(String text) {
        return NODES.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    /** Slack reads {@code & < >} as markup in message text. */
    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String text) {
        return text.length() <= HEADER_MAX ? text : text.substring(0, HEADER_MAX - 1) + "…";
    }
}
