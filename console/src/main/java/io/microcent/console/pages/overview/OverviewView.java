package io.microcent.console.pages.overview;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.web.ChartData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the overview shows. Month totals are the service's daily totals added up here, on the server, each
 * day's figure as the service computed it.
 */
public record OverviewView(String month, long chargeMicrocents, long costMicrocents, long requests,
                           String trendChart, List<InvoiceAttention> attention, List<DeadLetterRow> deadLetters) {

    public record InvoiceAttention(String id, String customer, String period, String status, long amountDueCents) {
    }

    public record DeadLetterRow(String id, String reason, String consumer, String customer, String at) {
    }

    public long marginMicrocents() {
        return Math.subtractExact(chargeMicrocents, costMicrocents);
    }

    static OverviewView of(LocalDate monthStart, LocalDate today, JsonNode activity, JsonNode failed, JsonNode deadLetters) {
        long charge = 0;
        long cost = 0;
        long requests = 0;
        List<String> labels = new ArrayList<>();
        List<Long> charges = new ArrayList<>();
        List<Long> costs = new ArrayList<>();
        for (JsonNode day : activity.path("activity")) {
            charge = Math.addExact(charge, day.path("chargeMicrocents").asLong());
            cost = Math.addExact(cost, day.path("costMicrocents").asLong());
            requests = Math.addExact(requests, day.path("requestCount").asLong());
            labels.add(day.path("date").asText());
            charges.add(day.path("chargeMicrocents").asLong());
            costs.add(day.path("costMicrocents").asLong());
        }
        String chart = ChartData.line(labels)
                .moneySeries("Billed (usage charge)", charges)
                .moneySeries("Provider cost", costs)
                .toJson();
        List<InvoiceAttention> attention = new ArrayList<>();
        for (JsonNode invoice : failed.path("invoices")) {
            attention.add(new InvoiceAttention(invoice.path("id").asText(), invoice.path("customer").asText(),
                    invoice.path("period").asText(), invoice.path("status").asText(), invoice.path("amountDueCents").asLong()));
        }
        List<DeadLetterRow> letters = new ArrayList<>();
        for (JsonNode letter : deadLetters.path("deadLetters")) {
            letters.add(new DeadLetterRow(letter.path("id").asText(), letter.path("reason").asText(),
                    letter.path("consumer").asText(), letter.path("customer").asText(""), letter.path("deadLetteredAt").asText()));
        }
        return new OverviewView(monthStart.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                + " " + monthStart.getYear(), charge, cost, requests, chart, attention, letters);
    }
}
