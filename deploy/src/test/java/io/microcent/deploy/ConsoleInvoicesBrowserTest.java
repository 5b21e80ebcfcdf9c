package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.invoicing.InvoicingService;
import io.microcent.platform.time.MovableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's invoices in a real Chromium: November closes on a moved clock into drafts, which an operator lists,
 * exports, finalizes and voids through the pages, and whose PDF the console hands over; the viewer token sees the
 * same pages without a button that changes anything and is refused when it posts one anyway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInvoicesBrowserTest {

    static final String VIEWER_TOKEN = "e2e-viewer-token";
    private static final Instant NOVEMBER = Instant.parse("2026-11-05T00:00:00Z");
    private static final Instant MONTH_ENDED = Instant.parse("2026-12-01T00:00:30Z");

    @TempDir
    static Path dataDir;
    private static TestPlatform platform;
    private static Microcent api;

    @BeforeAll
    static void start() throws IOException {
        MovableClock clock = new MovableClock(NOVEMBER);
        platform = TestPlatform.start(dataDir, clock, Map.of(
                "MICROCENT_VIEWER_TOKEN", VIEWER_TOKEN,
                // Stripe on but unreachable: a finalized invoice waits in "pending", which an operator may retry
                "MICROCENT_STRIPE_API_KEY", "sk_test_console", "MICROCENT_STRIPE_API_BASE", "http://127.0.0.1:" + closedPort(),
                "MICROCENT_LATE_USAGE_GRACE_HOURS", "24", // drafts stay drafts: the test finalizes them
                "MICROCENT_PERIOD_CLOSE_INTERVAL_SECONDS", "3600")); // the test runs period close itself
        api = platform.api();
        InvoicingService invoicing = platform.service(InvoicingService.class);
        for (String customer : List.of("alpha-co", "beta-co", "gamma-co")) {
            api.registerCustomer(customer, customer.equals("beta-co") ? "growth" : "starter");
        }
        assertThat(api.post("/v1/customers/alpha-co/coupons", "{\"code\":\"FOUNDER\"}").status()).isEqualTo(201);
        String key = api.post("/v1/api-keys", "{\"name\":\"gateway\"}").json().path("secret").asText();
        send(key, "alpha-co", 1_500);
        send(key, "beta-co", 12_000);
        send(key, "gamma-co", 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> invoicing.usageCountedUpTo(clock.instant()));
        clock.set(MONTH_ENDED);
        invoicing.periodClose().runOnce();
        assertThat(api.get("/v1/invoices?status=draft").json().path("invoices")).hasSize(3);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /** A port nothing listens on (taken and let go). */
    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void send(String key, String customer, long requests) {
        ObjectNode event = UsageEvents.event("e2e-" + UUID.randomUUID(), customer, NOVEMBER);
        event.put("requests", requests);
        api.sendEvents(key, List.of(event));
    }

    private static JsonNode invoiceOf(String customer) {
        return Microcent.ok(api.get("/v1/invoices?customer=" + customer + "&period=2026-11")).path("invoices").get(0);
    }

    private static List<String> ids(JsonNode invoices) {
        List<String> ids = new ArrayList<>();
        invoices.forEach(invoice -> ids.add(invoice.path("id").asText()));
        return ids;
    }

    private static List<String> listedIds(Browser browser) {
        return browser.driver().findElements(By.cssSelector("table.invoices tbody tr")).stream()
                .map(row -> row.getAttribute("data-invoice")).toList();
    }

    /** {@code $1,234.50} from cents, as the console and the PDF write amounts. */
    private static String dollars(long cents) {
        return (cents < 0 ? "-" : "") + "$" + String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(Math.abs(cents), 2));
    }

    @Test
    @Order(1)
    void theInvoicesListFiltersByStatusAndSearchAndExportsWhatItLists() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/invoices");
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            assertThat(listedIds(browser)).containsExactlyElementsOf(ids(api.get("/v1/invoices").json().path("invoices")));
            JsonNode summary = Microcent.ok(api.get("/v1/invoices/summary?period=2026-11"));
            long total = 0;
            for (JsonNode status : summary.path("statuses")) {
                total += status.path("totalMicrocents").asLong();
            }
            assertThat(browser.driver().findElement(By.cssSelector("#kpi-total .money")).getAttribute("data-microcents"))
                    .isEqualTo(String.valueOf(total));

            browser.driver().findElement(By.xpath("//nav[@class='tabs']/a[normalize-space()='Draft']")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("status=draft"));
            assertThat(listedIds(browser)).hasSize(3)
                    .containsExactlyElementsOf(ids(api.get("/v1/invoices?status=draft").json().path("invoices")));
            browser.field("Search").sendKeys("alpha");
            browser.button("Apply").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("search=alpha"));
            assertThat(listedIds(browser)).containsExactly(invoiceOf("alpha-co").path("id").asText());
            browser.go("/console/invoices?status=draft");
            browser.fullPageScreenshot("invoices");

            // the export: every invoice the filters match, figures as the API has them
            ConsoleSession.Answer csv = new ConsoleSession(browser, platform.port()).get("/console/invoices.csv?status=draft");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.disposition()).contains("attachment").contains("invoices.csv");
            List<String> lines = Arrays.asList(csv.text().split("\r\n"));
            assertThat(lines.getFirst()).startsWith("invoice,customer,period,revision,status,stripe_status,subtotal_usd");
            List<String> expected = new ArrayList<>();
            for (JsonNode invoice : api.get("/v1/invoices?status=draft").json().path("invoices")) {
                expected.add(String.join(",", invoice.path("id").asText(), invoice.path("customer").asText(), "2026-11",
                        invoice.path("revision").asText(), "draft", invoice.path("stripe").path("status").asText(),
                        BigDecimal.valueOf(invoice.path("subtotalCents").asLong(), 2).toPlainString()));
            }
            assertThat(lines.subList(1, lines.size()).stream().map(line -> String.join(",", Arrays.asList(line.split(",")).subList(0, 7))).toList())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    @Order(2)
    void anOperatorFinalizesADraftThroughThePageAndDownloadsItsPdf() throws IOException {
        JsonNode draft = invoiceOf("alpha-co");
        String id = draft.path("id").asText();
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/invoices/" + id);
            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            assertThat(browser.waitFor(By.id("invoice-status")).getText()).isEqualTo("Draft");
            assertThat(browser.driver().findElements(By.cssSelector(".invoice-lines tbody tr"))).hasSize(draft.path("lines").size());
            assertThat(browser.driver().findElement(By.id("invoice-total")).getText()).isEqualTo(dollars(draft.path("totalCents").asLong()));
            browser.fullPageScreenshot("invoice-draft");

            browser.button("Finalize").click();
            assertThat(browser.driver().switchTo().alert().getText()).contains("Finalize invoice " + id);
            browser.driver().switchTo().alert().accept();
            browser.waitFor(By.cssSelector(".flash.notice"));
            assertThat(browser.driver().findElement(By.id("invoice-status")).getText()).isEqualTo("Finalized");
            JsonNode finalized = Microcent.ok(api.get("/v1/invoices/" + id));
            assertThat(finalized.path("status").asText()).isEqualTo("finalized");
            assertThat(browser.driver().findElement(By.cssSelector(".flash.notice")).getText())
                    .contains(dollars(finalized.path("amountDueCents").asLong()) + " due");
            assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='Finalize']"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("invoice-due")).getText()).isEqualTo(dollars(finalized.path("amountDueCents").asLong()));
            assertThat(finalized.path("stripe").path("status").asText()).isEqualTo("pending");
            assertThat(browser.driver().findElement(By.id("stripe-status")).getText()).isEqualTo("Pending");
            browser.fullPageScreenshot("invoice");

            // Stripe does not answer: the operator retries now, and the page says how it went
            browser.button("Retry sync").click();
            browser.driver().switchTo().alert().accept();
            assertThat(browser.awaitNotice("Stripe sync retried")).contains("Stripe sync retried");
            String afterRetry = Microcent.ok(api.get("/v1/invoices/" + id)).path("stripe").path("status").asText();
            assertThat(afterRetry).isIn("pending", "failed");
            assertThat(browser.driver().findElement(By.id("stripe-status")).getText()).isEqualTo(afterRetry.equals("pending") ? "Pending" : "Failed");

            WebElement link = browser.driver().findElement(By.xpath("//a[normalize-space()='Download PDF']"));
            assertThat(link.getAttribute("href")).endsWith("/console/invoices/" + id + "/pdf");
            ConsoleSession.Answer pdf = new ConsoleSession(browser, platform.port()).get("/console/invoices/" + id + "/pdf");
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).startsWith("application/pdf"); // Jetty may add a charset parameter
            assertThat(pdf.disposition()).contains(id + ".pdf");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(id).contains(dollars(finalized.path("totalCents").asLong()))
                        .contains("alpha-co").doesNotContain("DRAFT");
            }
        }
        try (Browser phone = Browser.open(platform.port(), 390, 844)) {
            phone.go("/console/invoices/" + id);
            phone.signIn(TestPlatform.OPERATOR_TOKEN);
            phone.waitFor(By.id("invoice-status"));
            phone.fullPageScreenshot("invoice-mobile");
        }
    }

    @Test
    @Order(3)
    void anOperatorVoidsAFinalizedInvoiceAfterConfirming() {
        String id = invoiceOf("gamma-co").path("id").asText();
        Microcent.ok(api.post("/v1/invoices/" + id + "/finalize", ""));
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/invoices/" + id);
            browser.signIn(TestPlatform.OPERATOR_TOKEN);

            browser.button("Void").click();
            browser.driver().switchTo().alert().dismiss(); // changed their mind: nothing is sent
            assertThat(Microcent.ok(api.get("/v1/invoices/" + id)).path("status").asText()).isEqualTo("finalized");

            browser.button("Void").click();
            browser.driver().switchTo().alert().accept();
            browser.waitFor(By.cssSelector(".flash.notice"));
            assertThat(browser.driver().findElement(By.id("invoice-status")).getText()).isEqualTo("Void");
            assertThat(Microcent.ok(api.get("/v1/invoices/" + id)).path("status").asText()).isEqualTo("void");
        }
    }

    @Test
    @Order(4)
    void theViewerSeesNoButtonThatChangesAnythingAndIsRefusedWhenPostingAnyway() {
        String id = invoiceOf("beta-co").path("id").asText();
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/invoices/" + id);
            browser.signIn(VIEWER_TOKEN);
            assertThat(browser.waitFor(By.id("invoice-status")).getText()).isEqualTo("Draft");
            assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='Finalize' or normalize-space()='Void']"))).isEmpty();
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space()='Download PDF']"))).hasSize(1);
            browser.go("/console/customers");
            assertThat(browser.driver().findElements(By.xpath("//*[normalize-space()='Create customer']"))).isEmpty();
            browser.go("/console/customers/beta-co");
            browser.waitFor(By.id("history"));
            assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='Change plan' or normalize-space()='Redeem']"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("form[method=post]")))
                    .as("only signing out posts").allMatch(form -> form.getAttribute("action").endsWith("/console/sign-out"));
            browser.go("/console/coupons");
            assertThat(browser.driver().findElements(By.xpath("//*[normalize-space()='Create coupon']"))).isEmpty();

            // a crafted form with the viewer's own CSRF token: the console refuses it before any service is asked
            browser.go("/console/invoices/" + id);
            ConsoleSession session = new ConsoleSession(browser, platform.port());
            session.submitFormInPage("/console/invoices/" + id + "/finalize");
            assertThat(browser.waitFor(By.cssSelector(".error-page")).getText()).contains("Error 403").contains("viewer token");
            assertThat(session.postForm("/console/customers/beta-co/plan").status()).isEqualTo(403);
            assertThat(session.postForm("/console/coupons").status()).isEqualTo(403);

            JsonNode after = Microcent.ok(api.get("/v1/invoices/" + id));
            assertThat(after.path("status").asText()).isEqualTo("draft");
            assertThat(Microcent.ok(api.get("/v1/customers/beta-co")).path("plan").asText()).isEqualTo("growth");
        }
    }
}
