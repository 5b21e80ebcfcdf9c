package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Caps and webhooks through the console in a real Chromium: a cap created and edited in the forms is what the
 * caps API then holds to the microcent; usage moves its spend bar; the threshold alert it sends reaches a
 * webhook endpoint created in the console, shows in that endpoint's delivery log, and is replayed from there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleCapsBrowserTest {

    private static final String CUSTOMER = "capsco";
    /** gpt-4o input at $2.50 per million tokens in the default price book: this call costs exactly $2.50. */
    private static final long INPUT_TOKENS = 1_000_000;
    private static final long CALL_COST = 2_500_000;

    @TempDir
    static Path dataDir;
    private static TestPlatform platform;
    private static Microcent api;
    private static WebhookReceiver receiver;
    private static Browser browser;
    private static String capId;
    private static String webhookId;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(dataDir, Clock.systemUTC());
        api = platform.api();
        api.registerCustomer(CUSTOMER, "starter");
        receiver = WebhookReceiver.start();
        browser = Browser.open(platform.port());
        browser.signIn(TestPlatform.OPERATOR_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aCapCreatedInTheFormIsStoredWithTheExactMicrocentsTyped() {
        browser.go("/console/caps");
        assertThat(browser.waitFor(By.cssSelector("p.empty")).getText()).contains("No caps yet");
        type("cap-customer", CUSTOMER);
        select("cap-measure", "cost");
        select("cap-mode", "soft");
        type("cap-amount", "$12.345678");
        type("cap-thresholds", "10, 50");
        browser.button("Create cap").click();

        assertThat(browser.awaitNotice("Cap created")).contains("Cap created");
        JsonNode cap = onlyCap();
        capId = cap.path("id").asText();
        assertThat(browser.url()).endsWith("/console/caps/" + capId);
        assertThat(cap.path("amountMicrocents").asLong()).isEqualTo(12_345_678L);
        assertThat(cap.path("measure").asText()).isEqualTo("cost");
        assertThat(cap.path("mode").asText()).isEqualTo("soft");
        assertThat(cap.path("thresholds")).extracting(JsonNode::asInt).containsExactly(10, 50);
        assertThat(browser.driver().findElement(By.cssSelector("#kpi-amount .money")).getAttribute("data-microcents")).isEqualTo("12345678");
        assertThat(browser.driver().findElement(By.id("history-table")).getText()).contains("CapCreated").contains("console");
    }

    @Test
    @Order(2)
    void anAmountFinerThanAMicrocentIsRefusedNextToTheField() {
        browser.go("/console/caps");
        type("cap-customer", CUSTOMER);
        type("cap-amount", "1.0000001");
        browser.button("Create cap").click();
        assertThat(browser.waitFor(By.id("amountMicrocents-error")).getText()).contains("6 decimals");
        assertThat(browser.field("Amount (dollars)").getAttribute("value")).as("refilled").isEqualTo("1.0000001");
        assertThat(Microcent.ok(api.get("/v1/caps")).path("caps")).hasSize(1);
    }

    @Test
    @Order(3)
    void editingTheCapChangesItsAmountModeAndThresholds() {
        browser.go("/console/caps/" + capId);
        type("edit-amount", "3");
        select("edit-mode", "hard");
        type("edit-thresholds", "50, 80, 100");
        browser.button("Save changes").click();

        assertThat(browser.awaitNotice("Cap changed")).contains("Cap changed");
        JsonNode cap = Microcent.ok(api.get("/v1/caps/" + capId));
        assertThat(cap.path("amountMicrocents").asLong()).isEqualTo(3_000_000L);
        assertThat(cap.path("mode").asText()).isEqualTo("hard");
        assertThat(cap.path("thresholds")).extracting(JsonNode::asInt).containsExactly(50, 80, 100);
        assertThat(browser.driver().findElement(By.id("history-table")).getText()).contains("CapChanged");
    }

    @Test
    @Order(4)
    void aWebhookEndpointCreatedInTheConsoleShowsItsSigningSecretOnce() {
        browser.go("/console/webhooks");
        type("hook-url", receiver.url());
        type("hook-customer", CUSTOMER);
        type("hook-description", "capsco alerts");
        browser.driver().findElement(By.id("event-cap.*")).click();
        browser.button("Create endpoint").click();

        String secret = browser.waitFor(By.cssSelector("code.secret")).getText();
        assertThat(secret).startsWith("whsec_");
        JsonNode hooks = Microcent.ok(api.get("/v1/webhooks")).path("webhooks");
        assertThat(hooks).hasSize(1);
        webhookId = hooks.get(0).path("id").asText();
        assertThat(hooks.get(0).path("events")).extracting(JsonNode::asText).containsExactly("cap.*");
        assertThat(browser.url()).endsWith("/console/webhooks/" + webhookId);

        browser.driver().navigate().refresh();
        browser.waitFor(By.cssSelector("h2.section-title"));
        assertThat(browser.driver().findElements(By.cssSelector("code.secret"))).as("shown once").isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        browser.go("/console/webhooks");
        assertThat(browser.waitFor(By.id("webhooks-table")).getText()).contains(receiver.url()).contains("cap.*");
        browser.screenshot("webhooks");
    }

    @Test
    @Order(5)
    void usageMovesTheSpendBarAndTheAlertsAreListedOnTheCap() {
        String key = api.ingestKeyFor(CUSTOMER);
        api.sendEvents(key, List.of(UsageEvents.llmCall("caps-ui-1", CUSTOMER, Instant.now().minusSeconds(5), "openai", "gpt-4o", INPUT_TOKENS, 0)));
        await().atMost(Microcent.PIPELINE_TIMEOUT).untilAsserted(() ->
                assertThat(onlyCap().path("current").path("spentMicrocents").asLong()).isEqualTo(CALL_COST));

        browser.go("/console/caps");
        WebElement row = browser.waitFor(By.cssSelector("tr[data-cap='" + capId + "']"));
        // $2.50 of $3: 83 %, past 80 %
        assertThat(row.findElement(By.cssSelector(".meter")).getAttribute("class")).isEqualTo("meter warn");
        assertThat(row.findElement(By.cssSelector(".meter")).getAttribute("aria-valuenow")).isEqualTo("83");
        assertThat(row.findElements(By.cssSelector(".money")).getFirst().getAttribute("data-microcents")).isEqualTo(String.valueOf(CALL_COST));
        browser.screenshot("caps");

        await().atMost(Microcent.PIPELINE_TIMEOUT).untilAsserted(() ->
                assertThat(Microcent.ok(api.get("/v1/caps/" + capId + "/alerts")).path("alerts")).hasSize(2));
        browser.go("/console/caps/" + capId);
        String alerts = browser.waitFor(By.id("alerts-table")).getText();
        assertThat(alerts).contains("50 %").contains("80 %");
        assertThat(browser.driver().findElement(By.cssSelector("#kpi-spent .money")).getAttribute("data-microcents")).isEqualTo(String.valueOf(CALL_COST));
        browser.fullPageScreenshot("cap");

        try (Browser phone = Browser.open(platform.port(), 390, 844)) {
            phone.signIn(TestPlatform.OPERATOR_TOKEN);
            phone.go("/console/caps");
            phone.waitFor(By.cssSelector("tr[data-cap='" + capId + "']"));
            phone.fullPageScreenshot("caps-mobile");
            Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) phone.driver()).executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("the page itself does not scroll sideways on a phone").isLessThanOrEqualTo(0);
        }
    }

    @Test
    @Order(6)
    void theAlertIsInTheEndpointsDeliveryLogAndIsReplayedFromThere() {
        await().atMost(Microcent.PIPELINE_TIMEOUT).until(() -> receiver.deliveries().size() >= 2);
        browser.go("/console/webhooks/" + webhookId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            browser.driver().navigate().refresh();
            return browser.driver().findElements(By.cssSelector("#deliveries-table tr[data-delivery] .status.ok")).size() == 2;
        });
        JsonNode log = Microcent.ok(api.get("/v1/webhooks/" + webhookId + "/deliveries")).path("deliveries");
        JsonNode newest = log.get(0);
        WebElement row = browser.driver().findElement(By.cssSelector("tr[data-delivery='" + newest.path("id").asText() + "']"));
        assertThat(row.getText()).contains(newest.path("eventType").asText()).contains("HTTP 200");
        WebElement payload = browser.driver().findElement(By.cssSelector("tr[data-payload='" + newest.path("id").asText() + "']"));
        payload.findElement(By.tagName("summary")).click();
        assertThat(payload.findElement(By.cssSelector("pre.payload")).getText()).contains("\"capId\" : \"" + capId + "\"");
        browser.fullPageScreenshot("webhook-deliveries");

        String eventId = newest.path("eventId").asText();
        row.findElement(By.xpath(".//button[normalize-space()='Replay']")).click();
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.awaitNotice("queued again")).contains("queued again");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receiver.deliveries())
                .filteredOn(delivery -> eventId.equals(delivery.eventId())).hasSize(2));
    }

    @Test
    @Order(7)
    void theCapAndTheEndpointAreDeletedAfterAConfirmation() {
        browser.go("/console/caps/" + capId);
        browser.button("Delete cap").click();
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(api.get("/v1/caps/" + capId).status()).as("dismissed: nothing deleted").isEqualTo(200);

        browser.button("Delete cap").click();
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.awaitNotice("deleted")).contains("deleted");
        assertThat(api.get("/v1/caps/" + capId).status()).isEqualTo(404);
        assertThat(Microcent.ok(api.get("/v1/caps")).path("caps")).isEmpty();
        // its alerts and history are still there for whoever asks
        assertThat(Microcent.ok(api.get("/v1/caps/" + capId + "/alerts")).path("alerts")).hasSize(2);

        browser.go("/console/webhooks/" + webhookId);
        browser.button("Delete endpoint").click();
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.awaitNotice("deleted")).contains("deleted");
        assertThat(Microcent.ok(api.get("/v1/webhooks")).path("webhooks")).isEmpty();
    }

    private static JsonNode onlyCap() {
        JsonNode caps = Microcent.ok(api.get("/v1/caps")).path("caps");
        assertThat(caps).hasSize(1);
        return caps.get(0);
    }

    private static void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }
}
