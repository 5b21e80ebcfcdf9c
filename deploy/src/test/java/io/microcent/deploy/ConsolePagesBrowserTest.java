package io.microcent.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every section of the console, on a platform with usage in it: each page opens from the sidebar, has what a
 * screen reader needs, lays out on a phone without sideways scrolling, and the sidebar works from the keyboard.
 */
class ConsolePagesBrowserTest {

    @TempDir
    static Path dataDir;
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(dataDir, Clock.systemUTC(), Map.of());
        Microcent api = platform.api();
        api.registerCustomer("pages-co", "starter");
        api.sendEvents(api.ingestKeyFor("pages-co"),
                UsageEvents.chatbotCalls("pages-co", "pages-", 25, Instant.now().minusSeconds(600), Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theOverviewShowsTheMonthAsTheAnalyticsApiAddsItUp() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String monthActivity = "/v1/analytics/activity?groupBy=customer&from=" + month.atDay(1) + "&to=" + LocalDate.now(ZoneOffset.UTC);
        long[] totals = new long[3];
        await().atMost(Microcent.PIPELINE_TIMEOUT).untilAsserted(() -> {
            JsonNode days = platform.api().get(monthActivity).json().path("activity");
            java.util.Arrays.fill(totals, 0);
            days.forEach(day -> {
                totals[0] += day.path("requestCount").asLong();
                totals[1] += day.path("costMicrocents").asLong();
                totals[2] += day.path("chargeMicrocents").asLong();
            });
            assertThat(totals[0]).isEqualTo(25);
        });
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.go("/console");
            assertThat(microcents(browser, "kpi-cost")).isEqualTo(totals[1]).isPositive();
            assertThat(microcents(browser, "kpi-billed")).isEqualTo(totals[2]);
            assertThat(microcents(browser, "kpi-margin")).isEqualTo(totals[2] - totals[1]);
            assertThat(browser.driver().findElement(By.cssSelector("#kpi-requests [data-value]")).getAttribute("data-value")).isEqualTo("25");
            WebElement top = browser.driver().findElement(By.cssSelector("#top-customers tr[data-customer='pages-co']"));
            assertThat(top.findElement(By.cssSelector("[data-microcents]")).getAttribute("data-microcents")).isEqualTo(String.valueOf(totals[2]));
            browser.fullPageScreenshot("overview-with-usage");
        }
    }

    @Test
    void reRatingAPeriodFromTheCustomerPageShowsTheJobUntilItIsDone() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.go("/console/customers/pages-co");
            browser.driver().findElement(By.linkText("Re-rate this period")).click();
            assertThat(browser.field("Customer").getAttribute("value")).isEqualTo("pages-co");
            assertThat(browser.field("Billing period").getAttribute("value")).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
            browser.button("Re-rate").click();
            browser.driver().switchTo().alert().accept();

            // the job's page follows it without a reload until rating says it is done
            browser.waitUntil(Microcent.PIPELINE_TIMEOUT, driver -> driver.findElement(By.id("rerate-status")).getText().equals("Done"));
            String job = browser.url().substring(browser.url().lastIndexOf('/') + 1);
            JsonNode done = platform.api().get("/v1/rerate-jobs/" + job).json();
            assertThat(done.path("status").asText()).isEqualTo("done");
            assertThat(done.path("eventsInPeriod").asLong()).isEqualTo(25);
            assertThat(browser.driver().findElement(By.cssSelector("#rerate-changed [data-value]")).getAttribute("data-value"))
                    .isEqualTo(done.path("eventsChanged").asText());
            browser.screenshot("rerate-done");
        }
    }

    private static long microcents(Browser browser, String kpi) {
        return Long.parseLong(browser.driver().findElement(By.cssSelector("#" + kpi + " [data-microcents]")).getAttribute("data-microcents"));
    }

    @Test
    void everySectionOpensFromTheSidebarAndIsUsableWithoutSight() {
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            List<String> sections = browser.driver().findElements(By.cssSelector("nav.sidebar li a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(sections).hasSizeGreaterThanOrEqualTo(12);
            for (String section : sections) {
                browser.driver().get(section);
                browser.waitFor(By.cssSelector("main"));
                String title = browser.driver().findElement(By.tagName("h1")).getText();
                assertThat(browser.driver().findElements(By.cssSelector(".error-page")))
                        .as("%s opens without an error", section).isEmpty();
                browser.accessibilityProblems().forEach(p -> problems.add(title + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void onAPhoneNoPageScrollsSideways() {
        List<String> overflowing = new ArrayList<>();
        try (Browser browser = Browser.open(platform.port(), 390, 844)) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            List<String> sections = browser.driver().findElements(By.cssSelector("nav.sidebar li a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            for (String section : sections) {
                browser.driver().get(section);
                browser.waitFor(By.cssSelector("main"));
                if (browser.overflowsSideways()) {
                    overflowing.add(section + " (" + browser.widerThanTheWindow() + ")");
                    browser.fullPageScreenshot("too-wide-" + overflowing.size());
                }
            }
            browser.go("/console");
            browser.screenshot("overview-mobile");
        }
        assertThat(overflowing).as("pages wider than a 390 px phone").isEmpty();
    }

    @Test
    void theSidebarWorksFromTheKeyboard() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            WebElement body = browser.driver().findElement(By.tagName("body"));
            body.sendKeys(Keys.TAB); // the skip link comes first
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Skip to content");
            WebElement focused = null;
            for (int i = 0; i < 4; i++) {
                browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
                focused = browser.driver().switchTo().activeElement();
                if ("Usage".equals(focused.getText())) {
                    break;
                }
            }
            assertThat(focused.getText()).isEqualTo("Usage");
            focused.sendKeys(Keys.ENTER);
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("/console/usage"));
        }
    }
}
