package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API keys, the price book and dead letters through the console in a real Chromium, each checked against the
 * API's own answer: a key's secret is shown exactly once and revoking it stops it; a price set or imported in
 * the console is the price book's; a set-aside usage event is listed and replayed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOperationsBrowserTest {

    private static final String CUSTOMER = "opsco";
    /** Nobody registered it when its usage was produced: rating parks it as customer_unknown. */
    private static final String LATE_CUSTOMER = "lateco";
    private static final String VIEWER_TOKEN = "ops-viewer-token";

    @TempDir
    static Path dataDir;
    private static TestPlatform platform;
    private static Microcent api;
    private static Browser browser;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(dataDir, Clock.systemUTC(), Map.of("MICROCENT_VIEWER_TOKEN", VIEWER_TOKEN));
        api = platform.api();
        api.registerCustomer(CUSTOMER, "starter");
        browser = Browser.open(platform.port());
        browser.signIn(TestPlatform.OPERATOR_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void anApiKeyCreatedInTheConsoleShowsItsSecretExactlyOnceAndIsRevokedThere() {
        browser.go("/console/api-keys");
        type("key-name", "ci-gateway");
        type("key-customer", CUSTOMER);
        browser.button("Create key").click();

        String secret = browser.waitFor(By.cssSelector("code.secret")).getText();
        assertThat(secret).startsWith("mc_live_");
        JsonNode key = keyNamed("ci-gateway");
        assertThat(key.path("customer").asText()).isEqualTo(CUSTOMER);
        assertThat(browser.driver().findElement(By.id("key-created")).getText()).contains(key.path("id").asText()).contains("Copy it now");
        browser.screenshot("api-key-created");

        browser.driver().navigate().refresh();
        browser.waitFor(By.id("secret-gone"));
        assertThat(browser.driver().getPageSource()).as("never shown again").doesNotContain(secret);

        // the key works, and the list says when it was last used
        api.sendEvents(secret, List.of(UsageEvents.event("ops-key-1", CUSTOMER, Instant.now().minusSeconds(5))));
        browser.go("/console/api-keys");
        WebElement row = browser.waitFor(By.cssSelector("tr[data-key='" + key.path("id").asText() + "']"));
        assertThat(row.getText()).contains("ci-gateway").contains(CUSTOMER).contains("active").doesNotContain("never");
        assertThat(keyNamed("ci-gateway").has("lastUsedAt")).isTrue();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        browser.screenshot("api-keys");

        row.findElement(By.xpath(".//button[normalize-space()='Revoke']")).click();
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.awaitNotice("revoked")).contains("revoked");
        assertThat(keyNamed("ci-gateway").has("revokedAt")).isTrue();
        assertThat(api.post("/v1/events", secret, UsageEvents.array(List.of(UsageEvents.event("ops-key-2", CUSTOMER, Instant.now())))).status())
                .as("a revoked key is refused").isEqualTo(401);
        assertThat(browser.driver().findElement(By.cssSelector("tr[data-key='" + key.path("id").asText() + "']")).getText()).contains("revoked");
    }

    @Test
    @Order(2)
    void thePriceBookShowsPricesPerMillionTokensAndTakesAPriceAndAnImport() throws Exception {
        browser.go("/console/price-book?search=gpt-4o");
        WebElement gpt4o = browser.waitFor(By.cssSelector("tr[data-model='gpt-4o']"));
        JsonNode current = Microcent.ok(api.get("/v1/price-book/models/gpt-4o")).path("current");
        WebElement input = gpt4o.findElements(By.cssSelector("td.num .price")).getFirst();
        assertThat(input.getAttribute("title")).isEqualTo("$" + current.path("inputPerToken").asText() + " per token");
        java.math.BigDecimal perMillion = new java.math.BigDecimal(current.path("inputPerToken").asText()).movePointRight(6).stripTrailingZeros();
        assertThat(input.getText()).as("per million tokens, at least to the cent")
                .isEqualTo("$" + (perMillion.scale() < 2 ? perMillion.setScale(2) : perMillion).toPlainString());

        type("price-model", "ops-model-1");
        type("price-provider", "acme-ai");
        type("price-input", "1.5");
        type("price-output", "0.000001");
        browser.button("Set price").click();
        assertThat(browser.awaitNotice("ops-model-1")).contains("ops-model-1");
        JsonNode set = Microcent.ok(api.get("/v1/price-book/models/ops-model-1")).path("current");
        assertThat(set.path("inputPerToken").asText()).isEqualTo("0.0000015");
        assertThat(set.path("outputPerToken").asText()).as("a millionth of a dollar per million tokens, exactly").isEqualTo("0.000000000001");

        Path catalog = dataDir.resolve("catalog.json");
        Files.writeString(catalog, """
                {"sample_spec": {"input_cost_per_token": 0},
                 "ops-import-1": {"litellm_provider": "acme-ai", "input_cost_per_token": 2e-06, "output_cost_per_token": 4e-06},
                 "ops-import-2": {"litellm_provider": "acme-ai", "input_cost_per_token": 3.5e-06}}""", StandardCharsets.UTF_8);
        browser.go("/console/price-book");
        browser.field("Catalog file").sendKeys(catalog.toAbsolutePath().toString());
        browser.button("Import").click();
        WebElement summary = browser.waitFor(By.id("import-summary"));
        assertThat(summary.findElement(By.id("import-imported")).getText()).isEqualTo("2");
        assertThat(summary.findElement(By.id("import-skipped")).getText()).isEqualTo("1");
        assertThat(Microcent.ok(api.get("/v1/price-book/models/ops-import-1")).path("current").path("inputPerToken").asText()).isEqualTo("0.000002");
        browser.fullPageScreenshot("price-book");
    }

    @Test
    @Order(3)
    void aSetAsideUsageEventIsListedAndReplayedOnceItsCustomerExists() {
        parkUsageOfAnUnknownCustomer();
        await().atMost(Microcent.PIPELINE_TIMEOUT).until(() -> Microcent.ok(api.get("/v1/dead-letters?reason=customer_unknown&customer=" + LATE_CUSTOMER))
                .path("deadLetters").size() == 1);
        browser.go("/console/dead-letters?reason=customer_unknown&customer=" + LATE_CUSTOMER);
        JsonNode letter = Microcent.ok(api.get("/v1/dead-letters?reason=customer_unknown&customer=" + LATE_CUSTOMER)).path("deadLetters").get(0);
        WebElement row = browser.waitFor(By.cssSelector("tr[data-dead-letter='" + letter.path("id").asText() + "']"));
        assertThat(row.getText()).contains("customer_unknown").contains(LATE_CUSTOMER).contains("replayable");
        WebElement record = browser.driver().findElement(By.cssSelector("tr[data-record='" + letter.path("id").asText() + "']"));
        record.findElement(By.tagName("summary")).click();
        assertThat(record.findElement(By.cssSelector("pre.payload")).getText()).contains("\"id\" : \"late-1\"");
        browser.fullPageScreenshot("dead-letters");

        // the cause fixed: the customer exists and rating has its plan (one call of its own rated)
        api.registerCustomer(LATE_CUSTOMER, "starter");
        api.sendEvents(api.ingestKeyFor(LATE_CUSTOMER), List.of(UsageEvents.event("late-2", LATE_CUSTOMER, Instant.now().minusSeconds(5))));
        String period = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        api.awaitFigures(LATE_CUSTOMER, period, new Microcent.Figures(1, 0, 0));

        browser.go("/console/dead-letters?reason=customer_unknown&customer=" + LATE_CUSTOMER);
        browser.button("Replay customer_unknown of " + LATE_CUSTOMER).click();
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
        WebElement result = browser.waitFor(By.cssSelector("#replay-result[data-more='false']"));
        assertThat(result.findElement(By.id("replayed-count")).getText()).isEqualTo("1");
        assertThat(result.findElement(By.id("not-replayable-count")).getText()).isEqualTo("0");
        browser.screenshot("dead-letters-replayed");
        api.awaitFigures(LATE_CUSTOMER, period, new Microcent.Figures(2, 0, 0));
    }

    @Test
    @Order(4)
    void theViewerReadsEveryOperationsPageAndIsOfferedNoChange() {
        try (Browser viewer = Browser.open(platform.port())) {
            viewer.signIn(VIEWER_TOKEN);
            for (String page : List.of("/console/caps", "/console/price-book", "/console/api-keys", "/console/webhooks",
                    "/console/dead-letters?reason=customer_unknown")) {
                viewer.go(page);
                viewer.waitFor(By.id("main"));
                assertThat(viewer.driver().findElements(By.cssSelector("main form[method='post'], main [hx-post]")))
                        .as("no change offered on %s", page).isEmpty();
                assertThat(viewer.driver().findElements(By.cssSelector("main table, main .empty"))).as("%s shows its data", page).isNotEmpty();
            }
        }
    }

    private static void parkUsageOfAnUnknownCustomer() {
        Instant now = Instant.now();
        UsageEvent unknown = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("late-1"), CustomerId.of(LATE_CUSTOMER),
                now.minusSeconds(60), now, null, null, null, null, null, "acme-ai", ModelId.of("tiny-1"), 1, 100, 20, 0, 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.USAGE_EVENTS.name(), null, now.toEpochMilli(), LATE_CUSTOMER.getBytes(StandardCharsets.UTF_8),
                    Topics.USAGE_EVENTS.valueSerde().serializer().serialize(Topics.USAGE_EVENTS.name(), unknown))).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode keyNamed(String name) {
        for (JsonNode key : Microcent.ok(api.get("/v1/api-keys")).path("keys")) {
            if (name.equals(key.path("name").asText())) {
                return key;
            }
        }
        throw new AssertionError("no API key named " + name);
    }

    private static void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
