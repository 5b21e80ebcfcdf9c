package io.microcent.caps.authorize;

import io.microcent.caps.routing.OwnerRouting;
import io.microcent.caps.spend.CapsTopologyDriver;
import io.microcent.caps.spend.Reservations;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.service.StandaloneRunner;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static io.microcent.caps.spend.CapDefinitions.hardMonthly;
import static org.assertj.core.api.Assertions.assertThat;

/** When no decision can be made, {@code /v1/authorize} answers 503 service_unavailable with Retry-After, never a 500. */
class AuthorizeUnavailableTest {

    private static final String TOKEN = "test-operator-token";
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final String CALL = """
            {"customer":"acme","estimatedInputTokens":10,"maxOutputTokens":10}""";
    private static final CustomerDirectory EVERY_CUSTOMER_EXISTS = customers -> Set.of();

    @TempDir
    Path stateDir;

    private HttpServer server;
    private CapsTopologyDriver driver;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void customersThatCannotBeCheckedAnswer503WithRetryAfter() throws Exception {
        CustomerDirectory kafkaDown = customers -> {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the customers could not be checked right now");
        };
        CustomerLocks locks = new CustomerLocks();
        ReservationBook book = new ReservationBook(locks);
        driver = new CapsTopologyDriver(stateDir, Reservations.NONE, NOW);
        driver.caps(ACME, NOW.minusSeconds(60), hardMonthly("cap_hard", ACME, 1_000_000));

        HttpResponse<String> answer = authorize(DriverStoreBytes.readsOf(driver), book, locks, ReservationLog.IN_MEMORY, kafkaDown);

        assertUnavailable(answer);
        assertThat(book.openCount(ACME, NOW)).as("nothing is held for a call that was not decided").isZero();
    }

    @Test
    void storesThatCannotBeQueriedAnswer503WithRetryAfter() throws Exception {
        CapsReads restoring = failingStores(() -> new InvalidStateStoreException("rebalancing"));
        CustomerLocks locks = new CustomerLocks();

        HttpResponse<String> answer = authorize(restoring, new ReservationBook(locks), locks, ReservationLog.IN_MEMORY);

        assertUnavailable(answer);
    }

    @Test
    void aReservationThatCannotBeMadeDurableIsReleasedAndAnswers503() throws Exception {
        CustomerLocks locks = new CustomerLocks();
        ReservationBook book = new ReservationBook(locks);
        driver = new CapsTopologyDriver(stateDir, Reservations.NONE, NOW);
        driver.caps(ACME, NOW.minusSeconds(60), hardMonthly("cap_hard", ACME, 1_000_000));
        ReservationLog brokerDown = reservation -> {
            throw new ReservationLog.NotDurable("broker down", new RuntimeException("timeout"));
        };

        HttpResponse<String> answer = authorize(DriverStoreBytes.readsOf(driver), book, locks, brokerDown);

        assertUnavailable(answer);
        assertThat(book.openCount(ACME, NOW)).as("nothing is held for a call that was not allowed").isZero();
    }

    @Test
    void sumsThatOverflowAnswer503() throws Exception {
        CapsReads overflowing = failingStores(() -> new ArithmeticException("long overflow"));
        CustomerLocks locks = new CustomerLocks();

        assertUnavailable(authorize(overflowing, new ReservationBook(locks), locks, ReservationLog.IN_MEMORY));
    }

    private HttpResponse<String> authorize(CapsReads stores, ReservationBook book, CustomerLocks locks, ReservationLog log)
            throws Exception {
        return authorize(stores, book, locks, log, EVERY_CUSTOMER_EXISTS);
    }

    private HttpResponse<String> authorize(CapsReads stores, ReservationBook book, CustomerLocks locks, ReservationLog log,
                                           CustomerDirectory customers) throws Exception {
        Authorizer authorizer = new Authorizer(stores, book, log, locks, Estimators.perToken(), Duration.ofMinutes(5));
        OperatorAuth operator = new OperatorAuth(TOKEN);
        AuthorizeEndpoint endpoint = new AuthorizeEndpoint(new AuthorizeAccess(IngestKeyVerifier.NONE, operator), authorizer,
                customers, OwnerRouting.singleInstance(), Clock.fixed(NOW, ZoneOffset.UTC));
        server = HttpServer.start("127.0.0.1", 0, List.of(endpoint), Map.of(), StandaloneRunner.newMeterRegistry());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/authorize"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CALL)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUnavailable(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.mapper().readTree(answer.body()).get("code").asText()).isEqualTo("service_unavailable");
    }

    /** Stores every read of which fails with {@code failure}. */
    private static CapsReads failingStores(Supplier<RuntimeException> failure) {
        return new CapsReads(new StoreBytes() {
            @Override
            public byte[] ofCustomer(String store, CustomerId customer, Bytes key) {
                throw failure.get();
            }

            @Override
            public byte[] ofGlobal(String store, Bytes key) {
                throw failure.get();
            }
        });
    }
}
