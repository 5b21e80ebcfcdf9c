package io.microcent.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two caps instances sharing the customers' partitions: whichever instance a request reaches, the
 * decision is made by the one owning the customer, so reservations made through one are seen through
 * the other.
 */
class CapsTwoInstancesTest {

    @Test
    void eachCustomerIsDecidedByTheInstanceOwningItWhicheverInstanceIsAsked() {
        try (RunningCaps one = startAdvertised(); RunningCaps two = startAdvertised()) {
            List<String> capIds = new ArrayList<>();
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 6; i++) { // enough customers for both instances to own some, with 4 partitions
                String customer = "pair-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                customers.add(one.createCustomer(customer));
                capIds.add(one.api.post("/v1/caps", """
                        {"customer":"%s","amountMicrocents":100000,"measure":"cost"}""".formatted(customer)).body().get("id").asText());
            }

            // no price book entry: 400 tokens at the default 75 may cost 30,000
            for (int i = 0; i < customers.size(); i++) {
                RunningCaps asked = i % 2 == 0 ? one : two;
                RunningCaps other = i % 2 == 0 ? two : one;
                String call = """
                        {"customer":"%s","estimatedInputTokens":400,"maxOutputTokens":0}""".formatted(customers.get(i));
                JsonNode allowed = await().atMost(RunningCaps.WAIT).until(() -> asked.api.post("/v1/authorize", call),
                        answer -> answer.status() == 200 && answer.body().path("reservationId").isTextual()).body();
                String capPath = "/v1/caps/" + capIds.get(i);

                JsonNode seenThroughOther = await().atMost(RunningCaps.WAIT).until(() -> other.api.get(capPath),
                        answer -> answer.status() == 200).body().get("current");

                assertThat(allowed.get("reservedMicrocents").asLong()).isEqualTo(30_000);
                assertThat(seenThroughOther.get("reservedMicrocents").asLong()).as(customers.get(i)).isEqualTo(30_000);
                assertThat(asked.api.get(capPath).body().get("current").get("remainingMicrocents").asLong()).isEqualTo(70_000);
            }
        }
    }

    @Test
    void reservationsMoveWithTheirCustomersWhenASecondInstanceJoins() {
        // no price book entry: 10,000 tokens at the default 75 may cost 750,000 of each cap's 1,000,000
        List<String> calls = new ArrayList<>();
        try (RunningCaps one = startAdvertised()) {
            for (int i = 0; i < 12; i++) { // with 4 partitions, the joining instance takes some of these customers
                String customer = one.createCustomer("moving-" + i + "-" + UUID.randomUUID().toString().substring(0, 8));
                one.api.post("/v1/caps", """
                        {"customer":"%s","amountMicrocents":1000000,"measure":"cost"}""".formatted(customer));
                String call = """
                        {"customer":"%s","estimatedInputTokens":10000,"maxOutputTokens":0}""".formatted(customer);
                await().atMost(RunningCaps.WAIT).until(() -> one.api.post("/v1/authorize", call),
                        answer -> answer.status() == 200 && answer.body().path("reservationId").isTextual());
                calls.add(call);
            }

            try (RunningCaps two = startAdvertised()) {
                for (String call : calls) {
                    for (RunningCaps asked : List.of(one, two)) {
                        ApiClient.Response answer = await().atMost(RunningCaps.WAIT).until(() -> asked.api.post("/v1/authorize", call),
                                response -> response.status() == 200);
                        assertThat(answer.body().get("allowed").asBoolean())
                                .as("the reservation made before the rebalance still counts: %s", call).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void anInstanceNeverReadsTheStoresOfACustomerWhosePartitionItDoesNotRun() {
        try (RunningCaps one = startAdvertised(); RunningCaps two = startAdvertised()) {
            List<CustomerId> customers = new ArrayList<>();
            for (int i = 0; i < 8; i++) { // with 4 partitions, both instances run some of these customers
                String customer = one.createCustomer("pinned-" + i + "-" + UUID.randomUUID().toString().substring(0, 8));
                one.api.post("/v1/caps", """
                        {"customer":"%s","amountMicrocents":100000,"measure":"cost"}""".formatted(customer));
                customers.add(CustomerId.of(customer));
            }
            // each customer's caps are read by exactly the instance running its partition, and each runs some
            await().atMost(RunningCaps.WAIT).until(() -> customers.stream().allMatch(c -> holds(one, c) != holds(two, c))
                    && customers.stream().anyMatch(c -> holds(one, c)) && customers.stream().anyMatch(c -> holds(two, c)));

            for (CustomerId customer : customers) {
                RunningCaps elsewhere = holds(one, customer) ? two : one;
                // a store over all of its tasks would say "no caps" here: a wrong "allowed" while a task moves
                assertThatThrownBy(() -> elsewhere.service.decisionStores().definitions(customer).get(customer))
                        .as(customer.raw()).isInstanceOf(InvalidStateStoreException.class);
                assertThatThrownBy(() -> elsewhere.service.decisionStores().spend(customer).get(customer.raw()))
                        .isInstanceOf(InvalidStateStoreException.class);
            }
        }
    }

    /** Whether {@code caps} serves the customer's caps from its own stores. */
    private static boolean holds(RunningCaps caps, CustomerId customer) {
        try {
            CustomerCaps held = caps.service.decisionStores().definitions(customer).get(customer);
            return held != null && !held.caps().isEmpty();
        } catch (InvalidStateStoreException notHere) {
            return false;
        }
    }

    private static RunningCaps startAdvertised() {
        int port = freePort();
        return RunningCaps.start(IngestKeyVerifier.NONE, Map.of("MICROCENT_CAPS_ADVERTISED_URL", "http://127.0.0.1:" + port), port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
