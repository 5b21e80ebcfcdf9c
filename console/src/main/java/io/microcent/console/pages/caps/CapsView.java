package io.microcent.console.pages.caps;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The caps list: each cap with where it stands in its current period. */
public record CapsView(List<Row> caps, String customerFilter) {

    /**
     * One cap. {@code current} figures are absent ({@code hasCurrent} false) when the answering caps instance
     * does not own the customer.
     */
    public record Row(String id, String customer, String scope, String scopeId, long amountMicrocents, String period,
                      String measure, String mode, List<Integer> thresholds, boolean hasCurrent, String currentPeriod,
                      long spentMicrocents, long reservedMicrocents, long remainingMicrocents, String status,
                      String createdAt, String createdBy, String updatedAt, String updatedBy) {

        public static Row of(JsonNode cap) {
            JsonNode current = cap.path("current");
            List<Integer> thresholds = new ArrayList<>();
            cap.path("thresholds").forEach(t -> thresholds.add(t.asInt()));
            return new Row(cap.path("id").asText(), cap.path("customer").asText(), cap.path("scope").asText(),
                    cap.path("scopeId").asText(), cap.path("amountMicrocents").asLong(), cap.path("period").asText(),
                    cap.path("measure").asText(), cap.path("mode").asText(), thresholds, current.isObject(),
                    current.path("period").asText(""), current.path("spentMicrocents").asLong(),
                    current.path("reservedMicrocents").asLong(), current.path("remainingMicrocents").asLong(),
                    current.path("status").asText(""), cap.path("createdAt").asText(""), cap.path("createdBy").asText(""),
                    cap.path("updatedAt").asText(""), cap.path("updatedBy").asText(""));
        }

        /** Spend as a whole percentage of the amount (exact integer division), for the bar and its label. */
        public long percent() {
            return amountMicrocents <= 0 ? 0 : Math.multiplyExact(spentMicrocents, 100L) / amountMicrocents;
        }

        /** The bar's width, at most full. */
        public long barWidth() {
            return Math.min(100, Math.max(0, percent()));
        }

        /** {@code warn} from 80 %, {@code over} from 100 % (exact: spent × 100 against amount × 80). */
        public String meterClass() {
            if (spentMicrocents >= amountMicrocents) {
                return "meter over";
            }
            return nearLimit() ? "meter warn" : "meter";
        }

        /** At 80 % of its amount or more: what the overview lists as near its limit. */
        public boolean nearLimit() {
            return hasCurrent && Math.multiplyExact(spentMicrocents, 100L) >= Math.multiplyExact(amountMicrocents, 80L);
        }

        public String thresholdsText() {
            return String.join(", ", thresholds.stream().map(String::valueOf).toList());
        }

        public String scopeLabel() {
            return "customer".equals(scope) ? "customer" : scope + " " + scopeId;
        }
    }

    static CapsView of(JsonNode list, String customerFilter) {
        List<Row> rows = new ArrayList<>();
        list.path("caps").forEach(cap -> rows.add(Row.of(cap)));
        return new CapsView(rows, customerFilter);
    }
}
