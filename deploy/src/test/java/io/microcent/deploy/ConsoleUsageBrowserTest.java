package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.pages.usage.UsageArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Usage page in a real Chromium over a customer's month of team usage: its cards say what
 * {@code GET /v1/analytics/usage} says for the same view and filters, the table sorts, searches and exports what it
 * shows, and live mode brings new usage in without a reload.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUsageBrowserTest {

    static final String PAGE = "/console/usage?range=30d&customer=" + UsageSeed.CUSTOMER;

    @TempDir
    static Path dataDir;
    private static TestPlatform platform;
    private static UsageSeed seed;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(dataDir, Clock.systemUTC(), UsageSeed.SETTINGS);
        seed = UsageSeed.seed(platform.api(), 600);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theCardsSayWhatTheApiSaysInBothViewsAndWithFilters() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.go(PAGE);
            browser.waitFor(By.id("kpi-requests"));
            assertCards(browser, seed.usage("view=user"));
            assertThat(browser.driver().findElements(By.cssSelector("#usage-table tbody tr"))).hasSize(UsageSeed.USERS.length);
            browser.fullPageScreenshot("usage-by-user");

            browser.button("By team").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("view=team"));
            browser.waitFor(By.id("kpi-requests"));
            assertCards(browser, seed.usage("view=team"));
            assertThat(rowNames(browser)).containsExactlyInAnyOrder("core", "search", "infra");
            browser.fullPageScreenshot("usage-by-team");

            // a team chosen in the filters reloads the results in place and puts the filter in the URL
            browser.driver().findElement(By.cssSelector("details.multi:has(input[name='team']) summary")).click();
            browser.field("core").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("team=core"));
            browser.waitUntil(d -> rowNames(browser).equals(List.of("core")));
            assertCards(browser, seed.usage("view=team&team=core"));

            browser.go(PAGE + "&view=user&tag=feature:chat");
            assertCards(browser, seed.usage("view=user&tag=feature:chat"));
            browser.go(PAGE + "&view=user&apiKey=" + seed.etl.id() + "&team=search");
            assertCards(browser, seed.usage("view=user&apiKey=" + seed.etl.id() + "&team=search"));
            assertThat(rowNames(browser)).containsExactlyInAnyOrder("dee@teamco.io", "eve@teamco.io");
        }
    }

    @Test
    @Order(2)
    void sortingAndSearchChangeTheTableAndTheCsvIsWhatIsShown() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.go(PAGE + "&view=user");
            browser.waitFor(By.id("usage-table"));
            List<JsonNode> rows = StreamSupport.stream(seed.usage("view=user").path("rows").spliterator(), false).toList();
            assertThat(rowNames(browser)).as("most expensive first").isEqualTo(names(rows, Comparator.comparingLong(
                    (JsonNode r) -> r.path("costMicrocents").asLong()).reversed()));

            WebElement requests = browser.button("Requests");
            requests.sendKeys(org.openqa.selenium.Keys.ENTER); // a keyboard user sorts too
            List<String> mostRequests = names(rows, Comparator.comparingLong((JsonNode r) -> r.path("requests").asLong()).reversed());
            browser.waitUntil(d -> rowNames(browser).equals(mostRequests));
            assertThat(requests.findElement(By.xpath("..")).getAttribute("aria-sort")).isEqualTo("descending");
            browser.button("Requests").click();
            assertThat(rowNames(browser)).isEqualTo(mostRequests.reversed());
            assertThat(browser.button("Requests").findElement(By.xpath("..")).getAttribute("aria-sort")).isEqualTo("ascending");

            browser.field("Search").sendKeys("d");
            List<String> withE = mostRequests.reversed().stream().filter(name -> name.contains("d")).toList();
            browser.waitUntil(d -> rowNames(browser).equals(withE));
            assertThat(withE).hasSizeLessThan(rows.size());
            assertThat(browser.url()).contains("q=d").contains("sort=requests").contains("dir=asc");

            // the CSV, fetched with the page's session, is the table as shown: same rows, same order, exact figures
            String csv = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('usage-csv').href).then(function (r) { return r.text(); }).then(done);");
            List<String> lines = csv.lines().toList();
            assertThat(lines.getFirst()).startsWith("user,team,teams,users,requests,input_tokens,output_tokens");
            List<String> csvNames = lines.stream().skip(1).map(line -> line.split(",")[0]).toList();
            assertThat(csvNames).isEqualTo(withE);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",");
                JsonNode row = rows.stream().filter(r -> r.path("name").asText().equals(fields[0])).findFirst().orElseThrow();
                assertThat(Long.parseLong(fields[4])).isEqualTo(row.path("requests").asLong());
                assertThat(Long.parseLong(fields[9])).isEqualTo(row.path("costMicrocents").asLong());
                WebElement shown = browser.driver().findElement(By.cssSelector("#usage-table tr[data-name='" + fields[0] + "']"));
                assertThat(shown.getAttribute("data-requests")).isEqualTo(fields[4]);
                assertThat(shown.getAttribute("data-cost")).isEqualTo(fields[9]);
            }
        }
    }

    @Test
    @Order(3)
    void liveModeShowsNewUsageWithoutAReloadAndAClosedTabEndsTheStream() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.go(PAGE + "&view=user");
            browser.waitFor(By.id("kpi-requests"));
            long before = count(browser, "kpi-requests");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript("window.notReloaded = 'still here';");

            browser.field("Live mode").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("live=on"));
            browser.waitFor(By.cssSelector("#usage-figures[sse-connect]"));
            await().atMost(Duration.ofSeconds(20)).until(() -> UsageArea.liveStreams() == 1);

            seed.sendMore("live-", 7);
            browser.waitUntil(d -> count(browser, "kpi-requests") == before + 7);
            assertThat(js.executeScript("return window.notReloaded;")).as("the page was not reloaded").isEqualTo("still here");
            assertThat(browser.driver().findElement(By.id("usage-figures")).getAttribute("data-updates")).isNotNull();
            assertCards(browser, seed.usage("view=user"));

            browser.field("Live mode").click();
            browser.waitUntil(d -> !d.getCurrentUrl().contains("live=on"));
            await().atMost(Duration.ofSeconds(20)).alias("turning live mode off closes the stream").until(() -> UsageArea.liveStreams() == 0);

            browser.field("Live mode").click();
            await().atMost(Duration.ofSeconds(20)).until(() -> UsageArea.liveStreams() == 1);
        }
        await().atMost(Duration.ofSeconds(20)).alias("a closed tab ends the server's loop").until(() -> UsageArea.liveStreams() == 0);
    }

    @Test
    @Order(4)
    void theUsagePageLaysOutOnAPhone() {
        try (Browser browser = Browser.open(platform.port(), 390, 844)) {
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            browser.go(PAGE + "&view=user");
            browser.waitFor(By.id("kpi-requests"));
            browser.fullPageScreenshot("usage-mobile");
            assertThat(offScreen(browser)).as("nothing but the table scrolls sideways").isEmpty();
            browser.driver().findElement(By.cssSelector("details.multi:has(input[name='apiKey']) summary")).click();
            assertThat(browser.field(seed.etl.name() + " (" + seed.etl.id() + ")").isDisplayed()).isTrue();
            assertThat(offScreen(browser)).as("an open multi-select stays on the screen").isEmpty();
        }
    }

    /** Visible elements reaching past the right edge of the window, but for the ones that scroll in their box. */
    private static String offScreen(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "var w = document.documentElement.clientWidth; return Array.prototype.slice.call(document.querySelectorAll('body *'))"
                        + ".filter(function (e) { return e.getClientRects().length > 0 && e.getBoundingClientRect().right > w + 1"
                        + " && !e.closest('.table-wrap, .sidebar'); })"
                        + ".slice(0, 5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).join(' ');");
    }

    /** The five cards against the API's {@code kpis}: exact figures, from the cards' data attributes. */
    private static void assertCards(Browser browser, JsonNode answer) {
        JsonNode kpis = answer.path("kpis");
        browser.waitUntil(d -> count(browser, "kpi-requests") == kpis.path("requests").asLong());
        assertThat(count(browser, "kpi-active-users")).isEqualTo(kpis.path("activeUsers").asLong());
        assertThat(count(browser, "kpi-total-tokens")).isEqualTo(kpis.path("totalTokens").asLong());
        assertThat(browser.driver().findElement(By.cssSelector("#kpi-cost .money")).getAttribute("data-microcents"))
                .isEqualTo(kpis.path("costMicrocents").asText());
        assertThat(browser.driver().findElement(By.cssSelector("#kpi-avg-requests .kpi-value")).getText())
                .isEqualTo(kpis.path("avgRequestsPerUser").isNull() ? "—" : kpis.path("avgRequestsPerUser").asText());
    }

    private static long count(Browser browser, String card) {
        try {
            return Long.parseLong(browser.driver().findElement(By.cssSelector("#" + card + " .count")).getAttribute("data-value"));
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException swapped) {
            return -1;
        }
    }

    /** The names of the rows shown (the search hides the others), top to bottom. */
    private static List<String> rowNames(Browser browser) {
        try {
            List<String> names = new ArrayList<>();
            for (WebElement row : browser.driver().findElements(By.cssSelector("#usage-table tbody tr"))) {
                if (row.isDisplayed()) {
                    names.add(row.getAttribute("data-name"));
                }
            }
            return names;
        } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
            return List.of();
        }
    }

    private static List<String> names(List<JsonNode> rows, Comparator<JsonNode> order) {
        return rows.stream().sorted(order.thenComparing(r -> r.path("name").asText())).map(r -> r.path("name").asText()).toList();
    }
}
