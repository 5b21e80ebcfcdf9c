package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Analytics pages in a real Chromium over a customer's month of team usage: the window's total is the
 * activity API's, every breakdown but tags adds up to it, and an API key's page shows that key's figures.
 */
class ConsoleAnalyticsBrowserTest {

    static final String PAGE = "/console/analytics?range=30d&customer=" + UsageSeed.CUSTOMER;

    @TempDir
    static Path dataDir;
    private static TestPlatform platform;
    private static UsageSeed seed;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(dataDir, Clock.systemUTC(), UsageSeed.SETTINGS);
        seed = UsageSeed.seed(platform.api(), 400);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theTotalsAreTheApisAndEachKeyHasItsPage() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.go(PAGE);
            browser.waitFor(By.id("analytics-total"));
            Totals all = Totals.of(seed.activity("groupBy=model"));
            assertCards(browser, all);
            assertThat(totalRowMicrocents(browser)).isEqualTo(all.costMicrocents());
            assertThat(sumOfRows(browser)).as("the models add up to the total").isEqualTo(all.costMicrocents());
            assertThat(browser.driver().findElements(By.cssSelector("#analytics-table tbody tr"))).hasSize(UsageSeed.MODELS.length);
            browser.fullPageScreenshot("analytics");

            browser.button("Requests").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("metric=requests"));
            assertCards(browser, all);

            // tags: a request with two tags counts under both, and the page says so
            browser.go(PAGE + "&groupBy=tag");
            assertThat(browser.waitFor(By.id("analytics-reconcile")).getText()).contains("counts under each of its tags");
            assertThat(sumOfRows(browser)).isGreaterThan(all.costMicrocents());
            assertCards(browser, all);

            browser.go(PAGE + "&groupBy=apiKey");
            assertThat(sumOfRows(browser)).isEqualTo(all.costMicrocents());
            browser.driver().findElement(By.linkText(seed.etl.name())).click();
            browser.waitFor(By.id("api-key-id"));
            assertThat(browser.driver().findElement(By.id("api-key-id")).getText()).isEqualTo(seed.etl.id());
            Totals etl = Totals.of(seed.activity("groupBy=model&apiKey=" + seed.etl.id()));
            assertThat(etl.requests()).isGreaterThan(0).isLessThan(all.requests());
            assertCards(browser, etl);
            assertThat(sumOfRows(browser)).isEqualTo(etl.costMicrocents());
            browser.fullPageScreenshot("analytics-api-key");
        }
    }

    /** The window's totals: the activity API's days added up. */
    record Totals(long costMicrocents, long requests, long tokens) {
        static Totals of(JsonNode activity) {
            long cost = 0;
            long requests = 0;
            long tokens = 0;
            for (JsonNode day : activity.path("activity")) {
                cost += day.path("costMicrocents").asLong();
                requests += day.path("requestCount").asLong();
                tokens += day.path("totalTokens").asLong();
            }
            return new Totals(cost, requests, tokens);
        }
    }

    private static void assertCards(Browser browser, Totals totals) {
        assertThat(browser.driver().findElement(By.cssSelector("#kpi-cost .money")).getAttribute("data-microcents"))
                .isEqualTo(String.valueOf(totals.costMicrocents()));
        assertThat(browser.driver().findElement(By.cssSelector("#kpi-requests .count")).getAttribute("data-value"))
                .isEqualTo(String.valueOf(totals.requests()));
        assertThat(browser.driver().findElement(By.cssSelector("#kpi-tokens .count")).getAttribute("data-value"))
                .isEqualTo(String.valueOf(totals.tokens()));
    }

    private static long totalRowMicrocents(Browser browser) {
        return Long.parseLong(browser.driver().findElement(By.cssSelector("#analytics-total td .money")).getAttribute("data-microcents"));
    }

    /** The cost column of the breakdown's rows, added up here only to check that it reconciles. */
    private static long sumOfRows(Browser browser) {
        long sum = 0;
        for (WebElement row : browser.driver().findElements(By.cssSelector("#analytics-table tbody tr"))) {
            sum += Long.parseLong(row.findElement(By.cssSelector("td:nth-child(2) .money")).getAttribute("data-microcents"));
        }
        return sum;
    }
}
