package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's customers in a real Chromium: the list with search, plan filter and paging as the API pages it,
 * the CSV of the whole filtered list, creating a customer through the form, and a customer's page with its usage,
 * upcoming invoice, caps, keys, a coupon redeemed and a plan changed through its forms, and its history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleCustomersBrowserTest {

    /** More than one page of the console's list (50). */
    private static final int SHOPS = 56;

    @TempDir
    static Path dataDir;
    private static TestPlatform platform;
    private static Microcent api;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(dataDir, Clock.systemUTC(), Map.of());
        api = platform.api();
        for (int i = 0; i < SHOPS; i++) {
            api.registerCustomer(String.format(Locale.ROOT, "shop-%02d", i), i % 3 == 0 ? "growth" : "starter");
        }
        assertThat(api.post("/v1/customers", "{\"id\":\"acme\",\"name\":\"Acme Inc\",\"plan\":\"starter\","
                + "\"email\":\"billing@acme.test\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /** Every customer the API lists for {@code query}, paged through in small pages. */
    private static List<JsonNode> apiCustomers(String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Microcent.ok(api.get("/v1/customers?limit=7" + query
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
            page.path("customers").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    private static List<String> ids(List<JsonNode> customers) {
        return customers.stream().map(c -> c.path("id").asText()).toList();
    }

    private static List<String> listed(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#customers tbody tr")).stream()
                .map(row -> row.getAttribute("data-customer")).toList();
    }

    @Test
    @Order(1)
    void theListSearchesFiltersAndPagesAsTheApiAndExportsTheWholeFilteredList() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/customers");
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            List<String> everyone = ids(apiCustomers(""));
            assertThat(everyone).hasSize(SHOPS + 1);
            assertThat(listed(browser)).containsExactlyElementsOf(everyone.subList(0, 50));
            browser.screenshot("customers");

            browser.driver().findElement(By.linkText("Next page")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("cursor="));
            assertThat(listed(browser)).containsExactlyElementsOf(everyone.subList(50, everyone.size()));
            assertThat(browser.driver().findElements(By.linkText("Next page"))).isEmpty();

            browser.go("/console/customers");
            browser.field("Search").sendKeys("SHOP-1");
            new Select(browser.field("On plan")).selectByValue("starter");
            browser.button("Apply").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("search=SHOP-1"));
            List<String> filtered = ids(apiCustomers("&search=SHOP-1&plan=starter"));
            assertThat(filtered).isNotEmpty().allMatch(id -> id.startsWith("shop-1"));
            assertThat(listed(browser)).containsExactlyElementsOf(filtered);

            // the export holds the whole filtered list, each customer as the API has it
            ConsoleSession session = new ConsoleSession(browser, platform.port());
            ConsoleSession.Answer csv = session.get("/console/customers.csv?search=SHOP-1&plan=starter");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.disposition()).contains("attachment").contains("customers.csv");
            List<String> lines = Arrays.asList(csv.text().split("\r\n"));
            assertThat(lines.getFirst()).isEqualTo("id,name,email,plan,billing_interval,pending_plan,pending_effective_at,"
                    + "billing_starts_at,created_at,stripe_customer_id");
            List<String> expected = apiCustomers("&search=SHOP-1&plan=starter").stream()
                    .map(c -> String.join(",", c.path("id").asText(), c.path("name").asText(), "", "starter", "month", "", "",
                            c.path("billingStartsAt").asText(), c.path("createdAt").asText(), ""))
                    .toList();
            assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
            List<String> all = Arrays.asList(session.get("/console/customers.csv").text().split("\r\n"));
            assertThat(all.subList(1, all.size()).stream().map(line -> line.split(",")[0]).toList())
                    .as("more than a page of the list").containsExactlyElementsOf(everyone);
        }
    }

    @Test
    @Order(2)
    void anOperatorCreatesACustomerThroughTheForm() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/customers?search=nobody-matches");
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.field("Customer id").sendKeys("new-co");
            browser.field("Name").sendKeys("New Co, Ltd");
            new Select(browser.field("Plan")).selectByValue("growth");
            browser.field("E-mail").sendKeys("ap@new-co.test");
            new Select(browser.field("Billing interval")).selectByValue("year");
            browser.button("Create customer").click();

            assertThat(browser.awaitNotice("new-co created")).contains("new-co created");
            assertThat(browser.url()).endsWith("/console/customers/new-co");
            JsonNode created = Microcent.ok(api.get("/v1/customers/new-co"));
            assertThat(created.path("name").asText()).isEqualTo("New Co, Ltd");
            assertThat(created.path("plan").asText()).isEqualTo("growth");
            assertThat(created.path("email").asText()).isEqualTo("ap@new-co.test");
            assertThat(created.path("billingInterval").asText()).isEqualTo("year");

            // the same id again: the service's refusal, next to the field, with what was typed
            browser.go("/console/customers?search=nobody-matches");
            browser.field("Customer id").sendKeys("new-co");
            browser.field("Name").sendKeys("Another");
            browser.button("Create customer").click();
            assertThat(browser.waitFor(By.cssSelector(".flash.error")).getText()).isNotBlank();
            assertThat(browser.field("Name").getAttribute("value")).isEqualTo("Another");
            assertThat(Microcent.ok(api.get("/v1/customers/new-co")).path("name").asText()).isEqualTo("New Co, Ltd");
        }
    }

    @Test
    @Order(3)
    void aCustomersPageShowsItsUsageInvoicesCapsKeysAndHistoryAndTakesACouponAndAPlanChange() {
        String key = api.ingestKeyFor("acme");
        ObjectNode event = UsageEvents.event("acme-usage-1", "acme", Instant.now().minusSeconds(60));
        event.put("requests", 1_200);
        api.sendEvents(key, List.of(event));
        String period = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        await().atMost(Microcent.PIPELINE_TIMEOUT).until(() -> api.usage("acme", period).path("requests").asLong() == 1_200);
        String cap = await().atMost(Duration.ofSeconds(30)).until(() -> api.post("/v1/caps",
                "{\"customer\":\"acme\",\"amountMicrocents\":50000000,\"mode\":\"soft\"}"), r -> r.status() == 201).json().path("id").asText();

        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/customers/acme");
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            JsonNode usage = api.usage("acme", period);
            assertThat(browser.waitFor(By.cssSelector("#usage-requests .count")).getAttribute("data-value"))
                    .isEqualTo(usage.path("requests").asText());
            assertThat(browser.driver().findElement(By.cssSelector("#usage-included .count")).getAttribute("data-value"))
                    .isEqualTo(usage.path("includedRequests").asText());
            assertThat(browser.driver().findElement(By.cssSelector("[role=meter]")).getAttribute("aria-valuenow")).isEqualTo("100");
            JsonNode upcoming = Microcent.ok(api.get("/v1/customers/acme/invoices/upcoming"));
            assertThat(browser.driver().findElement(By.cssSelector("#upcoming-total .money")).getAttribute("data-microcents"))
                    .isEqualTo(String.valueOf(upcoming.path("totalCents").asLong() * 10_000L));
            assertThat(browser.driver().findElements(By.cssSelector("#upcoming tbody tr"))).hasSize(upcoming.path("lines").size());
            WebElement capLink = browser.driver().findElement(By.cssSelector("#caps a"));
            assertThat(capLink.getAttribute("href")).endsWith("/console/caps/" + cap);
            List<String> acmeKeys = new ArrayList<>();
            Microcent.ok(api.get("/v1/api-keys")).path("keys").forEach(k -> {
                if (k.path("customer").asText("").equals("acme")) {
                    acmeKeys.add(k.path("id").asText());
                }
            });
            assertThat(acmeKeys).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("#keys li"))).hasSize(1);
            assertThat(browser.driver().findElement(By.id("keys")).getText()).contains(acmeKeys.getFirst());

            new Select(browser.field("Kind")).selectByValue("code");
            browser.field("Code").sendKeys("FOUNDER");
            browser.button("Redeem").click();
            assertThat(browser.awaitNotice("FOUNDER redeemed")).contains("FOUNDER redeemed");
            assertThat(browser.driver().findElement(By.id("redemptions")).getText()).contains("FOUNDER").contains("25% off for 12 months");
            assertThat(Microcent.ok(api.get("/v1/customers/acme/coupons")).path("coupons").get(0).path("coupon").asText()).isEqualTo("FOUNDER");

            new Select(browser.field("New plan")).selectByValue("growth");
            new Select(browser.field("Timing")).selectByValue("immediately");
            browser.button("Change plan").click();
            assertThat(browser.awaitNotice("Plan is now growth")).contains("Plan is now growth");
            assertThat(Microcent.ok(api.get("/v1/customers/acme")).path("plan").asText()).isEqualTo("growth");

            JsonNode history = Microcent.ok(api.get("/v1/customers/acme/history")).path("events");
            List<WebElement> decisions = browser.driver().findElements(By.cssSelector("#history > li"));
            assertThat(decisions).hasSize(history.size());
            assertThat(decisions.getFirst().findElement(By.cssSelector(".event-type")).getText()).isEqualTo(history.get(0).path("type").asText());
            assertThat(decisions.getFirst().getText()).contains("CustomerPlanChanged").contains("operator");
            decisions.getFirst().findElement(By.tagName("summary")).click();
            assertThat(decisions.getFirst().findElement(By.cssSelector("pre.event-detail")).getText()).contains("\"plan\" : \"growth\"");
            browser.fullPageScreenshot("customer");
        }
        try (Browser phone = Browser.open(platform.port(), 390, 844)) {
            phone.go("/console/customers/acme");
            phone.signIn(TestPlatform.OPERATOR_TOKEN);
            phone.waitFor(By.id("history"));
            phone.fullPageScreenshot("customer-mobile");
        }
    }
}
