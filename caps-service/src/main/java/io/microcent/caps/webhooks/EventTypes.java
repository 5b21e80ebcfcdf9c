package io.microcent.caps.webhooks;

import io.microcent.model.invoice.InvoiceNotification;

import java.util.List;
import java.util.stream.Stream;

/**
 * The event types webhooks deliver, and an endpoint's optional filter on them: a list of types
 * ({@code invoice.paid}) and groups ({@code cap.*}, {@code invoice.*}); without a filter, every type.
 */
final class EventTypes {

    static final String CAP_GROUP = "cap.*";
    static final String INVOICE_GROUP = "invoice.*";

    /** Every type, cap alerts first. */
    static final List<String> ALL = Stream.concat(Stream.of(AlertEvent.THRESHOLD_CROSSED, AlertEvent.BLOCKED),
            InvoiceNotification.TYPES.stream()).toList();
    /** What a filter may name. */
    static final List<String> FILTERABLE = Stream.concat(Stream.of(CAP_GROUP, INVOICE_GROUP), ALL.stream()).toList();

    private EventTypes() {
    }

    static boolean isFilterable(String entry) {
        return FILTERABLE.contains(entry);
    }

    /** Whether {@code filter} ({@code null}: no filter) lets {@code type} through. */
    static boolean wanted(List<String> filter, String type) {
        if (filter == null) {
            return true;
        }
        for (String entry : filter) {
            boolean group = entry.endsWith(".*");
            if (group ? type.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
