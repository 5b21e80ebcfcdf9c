package io.microcent.console.pages.customers;

import com.fasterxml.jackson.databind.JsonNode;

/** A customer as a row of the list and of its CSV. */
public record CustomerSummary(String id, String name, String email, String plan, String billingInterval,
                              String pendingPlan, String pendingEffectiveAt, String billingStartsAt, String createdAt,
                              String stripeCustomerId) {

    public static CustomerSummary of(JsonNode customer) {
        JsonNode pending = customer.path("pendingPlanChange");
        return new CustomerSummary(customer.path("id").asText(), customer.path("name").asText(), customer.path("email").asText(""),
                customer.path("plan").asText(), customer.path("billingInterval").asText(""), pending.path("plan").asText(""),
                pending.path("effectiveAt").asText(""), customer.path("billingStartsAt").asText(""),
                customer.path("createdAt").asText(""), customer.path("stripeCustomerId").asText(""));
    }
}
