package io.microcent.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out of the console in a real Chromium, with the operator token, the viewer token and wrong ones. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSignInBrowserTest {

    static final String VIEWER_TOKEN = "e2e-viewer-token";

    @TempDir
    static Path dataDir;
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(dataDir, Clock.systemUTC(), Map.of("MICROCENT_VIEWER_TOKEN", VIEWER_TOKEN));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void anOperatorSignsInSeesTheOverviewAndSignsOut() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.go("/console/customers");
            assertThat(browser.url()).as("a page needs a session").contains("/console/sign-in");
            browser.screenshot("sign-in");

            browser.signIn(TestPlatform.OPERATOR_TOKEN);
            assertThat(browser.url()).as("back where the operator wanted to go").endsWith("/console/customers");
            Cookie session = browser.driver().manage().getCookieNamed("microcent_console");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");
            assertThat(browser.driver().getPageSource()).doesNotContain(TestPlatform.OPERATOR_TOKEN);

            browser.go("/console");
            assertThat(browser.waitFor(By.cssSelector(".role-badge")).getText()).isEqualTo("Operator");
            assertThat(browser.driver().findElement(By.id("kpi-billed")).getText()).contains("$");
            browser.fullPageScreenshot("overview");

            browser.button("Sign out").click();
            browser.waitFor(By.id("token"));
            browser.go("/console");
            assertThat(browser.url()).as("signed out: the session is gone").contains("/console/sign-in");
        }
    }

    @Test
    @Order(2)
    void theViewerTokenSignsInReadOnly() {
        try (Browser browser = Browser.open(platform.port())) {
            browser.signIn(VIEWER_TOKEN);
            assertThat(browser.waitFor(By.cssSelector(".role-badge")).getText()).isEqualTo("Viewer (read-only)");
        }
    }

    @Test
    @Order(3)
    void aWrongTokenSaysSoAndTooManyAreRefusedForAWhile() {
        try (Browser browser = Browser.open(platform.port())) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.go("/console/sign-in");
                browser.field("Operator token").sendKeys("not-the-token-" + attempt);
                browser.button("Sign in").click();
                assertThat(browser.waitFor(By.id("sign-in-error")).getText()).contains("not valid");
            }
            browser.screenshot("sign-in-wrong-token");

            // the sixth attempt is refused before the token is even checked: the right token too
            browser.go("/console/sign-in");
            browser.field("Operator token").sendKeys(TestPlatform.OPERATOR_TOKEN);
            browser.button("Sign in").click();
            assertThat(browser.waitFor(By.id("sign-in-error")).getText()).contains("Too many wrong tokens");
            browser.go("/console");
            assertThat(browser.url()).contains("/console/sign-in");
        }
    }
}
