package io.microcent.console.pages.overview;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.pages.caps.CapsView;
import io.microcent.console.web.ChartData;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the overview shows. The month's totals are the service's daily totals added up here, on the server,
 * each day's figure as the service computed it; last month's invoices are invoicing's own summary.
 */
public record OverviewView(String month, long chargeMicrocents, long costMicrocents, long requests, String trendChart,
                           List<TopCustomer> topCustomers,
                           String lastMonth, long lastMonthInvoices, long lastMonthTotalMicrocents,
                           List<InvoiceAttention> attention, List<DeadLetterRow> deadLetters, List<CapsView.Row> capsNearLimit) {

    /** How many caps near their limit the overview lists, the closest first. */
    static final int CAPS_LISTED = 8;

    /** A customer's usage this month, from the service's per-day entries. */
    public record TopCustomer(String customer, long chargeMicrocents, long costMicrocents, long requests) {

        TopCustomer plus(JsonNode entry) {
            return new TopCustomer(customer, Math.addExact(chargeMicrocents, entry.path("chargeMicrocents").asLong()),
                    Math.addExact(costMicrocents, entry.path("costMicrocents").asLong()),
                    Math.addExact(requests, entry.path("requestCount").asLong()));
        }
    }

    /** How many customers the overview ranks. */
    static final int TOP_CUSTOMERS = 5;

    /** An invoice an operator should look at, and why. */
    public record InvoiceAttention(String id, String customer, String period, String status, String stripeStatus,
                                   String reason, long totalMicrocents) {
    }

    public record DeadLetterRow(String id, String reason, String consumer, String customer, String at) {
    }

    public long marginMicrocents() {
        return Math.subtractExact(chargeMicrocents, costMicrocents);
    }

    static OverviewView of(YearMonth month, JsonNode activity, JsonNode lastMonth, List<JsonNode> attentionLists,
                           JsonNode deadLetters, JsonNode caps) {
        long charge = 0;
        long cost = 0;
        long requests = 0;
        List<String> labels = new ArrayList<>();
        List<Long> charges = new ArrayList<>();
        List<Long> costs = new ArrayList<>();
        Map<String, TopCustomer> customers = new LinkedHashMap<>();
        for (JsonNode day : activity.path("activity")) {
            for (JsonNode entry : day.path("breakdown")) {
                String customer = entry.path("label").asText();
                customers.put(customer, customers.getOrDefault(customer, new TopCustomer(customer, 0, 0, 0)).plus(entry));
            }
            charge = Math.addExact(charge, day.path("chargeMicrocents").asLong());
            cost = Math.addExact(cost, day.path("costMicrocents").asLong());
            requests = Math.addExact(requests, day.path("requestCount").asLong());
            labels.add(day.path("date").asText());
            charges.add(day.path("chargeMicrocents").asLong());
            costs.add(day.path("costMicrocents").asLong());
        }
        String chart = ChartData.bars(labels, false)
                .moneySeries("Usage charge", charges)
                .moneySeries("Provider cost", costs)
                .toJson();

        long invoices = 0;
        long invoiced = 0;
        for (JsonNode status : lastMonth.path("statuses")) {
            if (!status.path("status").asText().equals("void")) {
                invoices = Math.addExact(invoices, status.path("count").asLong());
                invoiced = Math.addExact(invoiced, status.path("totalMicrocents").asLong());
            }
        }

        // one row per invoice, however many lists it is on: the first reason wins
        Map<String, InvoiceAttention> attention = new LinkedHashMap<>();
        String[] reasons = {"Payment failed", "Stripe sync failed", "Stripe sync pending"};
        for (int i = 0; i < attentionLists.size(); i++) {
            for (JsonNode invoice : attentionLists.get(i).path("invoices")) {
                String id = invoice.path("id").asText();
                attention.putIfAbsent(id, new InvoiceAttention(id, invoice.path("customer").asText(), invoice.path("period").asText(),
                        invoice.path("status").asText(), invoice.path("stripe").path("status").asText(""), reasons[i],
                        invoice.path("totalMicrocents").asLong()));
            }
        }
        List<DeadLetterRow> letters = new ArrayList<>();
        for (JsonNode letter : deadLetters.path("deadLetters")) {
            letters.add(new DeadLetterRow(letter.path("id").asText(), letter.path("reason").asText(),
                    letter.path("consumer").asText(), letter.path("customer").asText(""), letter.path("deadLetteredAt").asText()));
        }
        List<CapsView.Row> nearLimit = new ArrayList<>();
        caps.path("caps").forEach(cap -> nearLimit.add(CapsView.Row.of(cap)));
        nearLimit.removeIf(cap -> !cap.nearLimit());
        nearLimit.sort(Comparator.comparingLong(CapsView.Row::percent).reversed().thenComparing(CapsView.Row::id));
        List<TopCustomer> top = customers.values().stream()
                .sorted(Comparator.comparingLong(TopCustomer::chargeMicrocents).thenComparingLong(TopCustomer::costMicrocents).reversed()
                        .thenComparing(TopCustomer::customer))
                .limit(TOP_CUSTOMERS).toList();
        return new OverviewView(name(month), charge, cost, requests, chart, top, name(month.minusMonths(1)), invoices, invoiced,
                List.copyOf(attention.values()), letters, List.copyOf(nearLimit.subList(0, Math.min(CAPS_LISTED, nearLimit.size()))));
    }

    private static String name(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }
}
