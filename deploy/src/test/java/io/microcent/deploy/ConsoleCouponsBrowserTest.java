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
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's plan catalog, coupons and promotion codes in a real Chromium, on a catalog with every charge model:
 * each plan explained as the API describes it, a coupon and a promotion code created through the forms (and in the
 * API afterwards), a refused coupon back in its form, the redemptions listed, and an archive confirmed first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleCouponsBrowserTest {

    /** The rating README's example catalog: allowance, package, graduated and volume tiers, token pass-through. */
    private static final String CATALOG = """
            {"plans":[
              {"id":"starter","name":"Starter","monthlyFee":"9","charges":[
                {"meter":"requests","model":"allowance","included":1000,"unitPrice":"0.01"}]},
              {"id":"builder","name":"Builder","monthlyFee":"19","charges":[
                {"meter":"requests","model":"package","included":5000,"blockSize":1000,"blockPrice":"2.50"},
                {"meter":"input_tokens","model":"graduated","tiers":[
                  {"upTo":1000000,"unitPrice":"0.000003"},{"upTo":10000000,"unitPrice":"0.000002","flatFee":"1"},{"unitPrice":"0.0000015"}]},
                {"meter":"output_tokens","model":"volume","tiers":[{"upTo":1000000,"unitPrice":"0.00001"},{"unitPrice":"0.000008"}]}]},
              {"id":"growth","name":"Growth","monthlyFee":"29","charges":[
                {"meter":"requests","model":"allowance","included":10000,"unitPrice":"0.005"}]},
              {"id":"credits","name":"Credits","monthlyFee":"0","tokenPassThrough":{"markup":"0.20"}}]}
            """;

    @TempDir
    static Path dataDir;
    @TempDir
    static Path configDir;
    private static TestPlatform platform;
    private static Microcent api;

    @BeforeAll
    static void start() throws IOException {
        Path catalog = Files.writeString(configDir.resolve("plans.json"), CATALOG);
        platform = TestPlatform.start(dataDir, Clock.systemUTC(), Map.of("MICROCENT_PLAN_CATALOG", catalog.toString()));
        api = platform.api();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void thePlansPageExplainsEveryChargeOfTheCatalog() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/plans");
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            JsonNode plans = Microcent.ok(api.get("/v1/plans")).path("plans");
            assertThat(browser.driver().findElements(By.cssSelector("article.plan"))).hasSize(plans.size());
            for (JsonNode plan : plans) {
                WebElement card = browser.driver().findElement(By.id("plan-" + plan.path("id").asText()));
                assertThat(card.findElement(By.cssSelector(".fee .money")).getAttribute("data-microcents"))
                        .isEqualTo(plan.path("monthlyFeeMicrocents").asText());
                assertThat(card.findElements(By.cssSelector("li.charge")))
                        .hasSize(plan.path("charges").size() + (plan.path("tokenPassThrough").isObject() ? 1 : 0));
            }
            assertThat(browser.driver().findElement(By.id("plan-starter")).getText()).contains("First 1,000 requests included, then $0.01 each");
            WebElement builder = browser.driver().findElement(By.id("plan-builder"));
            assertThat(builder.getText()).contains("First 5,000 requests included, then $2.50 per started block of 1,000 requests");
            List<WebElement> tiers = builder.findElements(By.cssSelector("li.charge.graduated table.tiers tbody tr"));
            assertThat(tiers).hasSize(3);
            assertThat(tiers.get(1).getText()).contains("1,000,001–10,000,000").contains("$0.000002").contains("$1.00");
            assertThat(tiers.get(2).getText()).contains("10,000,001 and more");
            assertThat(builder.findElements(By.cssSelector("li.charge.volume table.tiers tbody tr"))).hasSize(2);
            assertThat(browser.driver().findElement(By.id("plan-credits")).getText()).contains("provider's cost plus 20% markup");
            browser.fullPageScreenshot("plans");
        }
    }

    @Test
    @Order(2)
    void anOperatorCreatesACouponAndAPromotionCodeRedeemedByACustomerThenArchivesIt() {
        api.registerCustomer("loyal-co", "starter");
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/coupons");
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.driver().findElement(By.cssSelector("#create > summary")).click();

            // both a percentage and an amount: the service refuses, the form comes back filled in
            browser.field("Code").sendKeys("SPRING25");
            browser.field("Percent off").sendKeys("25");
            browser.field("Amount off ($)").sendKeys("5");
            browser.button("Create coupon").click();
            assertThat(browser.waitFor(By.cssSelector(".flash.error")).getText()).isNotBlank();
            assertThat(browser.waitFor(By.id("amountOffMicrocents-error")).getText()).isNotBlank();
            assertThat(browser.field("Code").getAttribute("value")).isEqualTo("SPRING25");
            assertThat(api.get("/v1/coupons/SPRING25").status()).isEqualTo(404);

            browser.field("Amount off ($)").clear();
            browser.field("Name").sendKeys("Spring sale");
            new Select(browser.field("Duration")).selectByValue("repeating");
            browser.field("Months (repeating)").sendKeys("3");
            browser.field("Max redemptions").sendKeys("10");
            browser.driver().findElement(By.id("coupon-plan-starter")).click();
            browser.button("Create coupon").click();
            assertThat(browser.awaitNotice("SPRING25 created")).contains("SPRING25 created");
            assertThat(browser.url()).endsWith("/console/coupons/SPRING25");

            JsonNode created = Microcent.ok(api.get("/v1/coupons")).path("coupons").findParents("code").stream()
                    .filter(c -> c.path("code").asText().equals("SPRING25")).findFirst().orElseThrow();
            assertThat(created.path("percentOff").asText()).isEqualTo("25");
            assertThat(created.path("duration").asText()).isEqualTo("repeating");
            assertThat(created.path("durationInMonths").asInt()).isEqualTo(3);
            assertThat(created.path("maxRedemptions").asInt()).isEqualTo(10);
            assertThat(created.path("name").asText()).isEqualTo("Spring sale");
            assertThat(created.path("plans").toString()).isEqualTo("[\"starter\"]");

            browser.driver().findElement(By.cssSelector("#promotion-codes details > summary")).click();
            browser.field("Promotion code").sendKeys("FRIENDS");
            browser.field("Max redemptions").sendKeys("5");
            browser.field("Minimum subtotal ($)").sendKeys("10.50");
            browser.button("Create promotion code").click();
            assertThat(browser.awaitNotice("FRIENDS created")).contains("FRIENDS created");
            JsonNode code = Microcent.ok(api.get("/v1/promotion-codes?coupon=SPRING25")).path("promotionCodes").get(0);
            assertThat(code.path("code").asText()).isEqualTo("FRIENDS");
            assertThat(code.path("maxRedemptions").asInt()).isEqualTo(5);
            assertThat(code.path("minimumAmountMicrocents").asLong()).isEqualTo(10_500_000L);

            assertThat(api.post("/v1/customers/loyal-co/coupons", "{\"promotionCode\":\"FRIENDS\"}").status()).isEqualTo(201);
            browser.go("/console/coupons/SPRING25");
            assertThat(browser.waitFor(By.id("redemptions")).getText()).contains("loyal-co").contains("FRIENDS");
            assertThat(browser.driver().findElement(By.cssSelector("#codes tr[data-code='FRIENDS']")).getText()).contains("1 / 5");
            assertThat(browser.driver().findElement(By.cssSelector("#kpi-redeemed")).getText()).contains("1 / 10");
            browser.fullPageScreenshot("coupon");

            browser.button("Archive").click();
            browser.driver().switchTo().alert().accept();
            assertThat(browser.awaitNotice("archived")).contains("archived");
            assertThat(browser.driver().findElement(By.id("coupon-status")).getText()).isEqualTo("archived");
            assertThat(Microcent.ok(api.get("/v1/coupons/SPRING25")).path("archived").asBoolean()).isTrue();

            browser.go("/console/coupons");
            List<String> listed = browser.driver().findElements(By.cssSelector("#coupons tbody tr")).stream()
                    .map(row -> row.getAttribute("data-coupon")).toList();
            assertThat(listed).containsExactlyElementsOf(Microcent.ok(api.get("/v1/coupons")).path("coupons").findValuesAsText("code"));
            assertThat(browser.driver().findElement(By.cssSelector("tr[data-coupon='SPRING25']")).getText()).contains("25% off")
                    .contains("for 3 months").contains("plan starter").contains("1 / 10").contains("archived");
            assertThat(browser.driver().findElement(By.cssSelector("tr[data-coupon='SPRING25'] td:nth-child(6)")).getText())
                    .as("its promotion codes").isEqualTo("1");
            browser.fullPageScreenshot("coupons");
        }
    }
}
