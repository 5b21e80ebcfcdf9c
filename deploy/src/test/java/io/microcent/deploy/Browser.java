package io.microcent.deploy;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver}, found on
 * the PATH and given explicitly, so Selenium Manager never downloads anything. Without them the test fails
 * and says how to install them: a browser test is never skipped.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String INSTALL = "the console's browser tests need Chromium and its driver: "
            + "apt-get install -y chromium chromium-driver (.ci/run installs them when missing); "
            + "or set MICROCENT_TEST_CHROMIUM and MICROCENT_TEST_CHROMEDRIVER to their paths";

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A desktop-sized window (1280 wide) on the platform at {@code port}. */
    static Browser open(int port) {
        return open(port, 1280, 900);
    }

    static Browser open(int port, int width, int height) {
        File chromium = executable("MICROCENT_TEST_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
        File chromedriver = executable("MICROCENT_TEST_CHROMEDRIVER", "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height);
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox"); // Chromium refuses to run as root with its sandbox
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, "http://127.0.0.1:" + port);
    }

    private static File executable(String setting, String... names) {
        Optional<String> configured = Optional.ofNullable(System.getenv(setting)).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            File file = new File(configured.get());
            if (!file.canExecute()) {
                throw new IllegalStateException(setting + "=" + configured.get() + " is not an executable; " + INSTALL);
            }
            return file;
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .flatMap(dir -> Arrays.stream(names).map(name -> new File(dir, name)))
                .filter(File::canExecute)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(String.join(" or ", names) + " is not on the PATH; " + INSTALL));
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Signs in through the form, as a person does (on the sign-in page already open, if it is), and waits for a page. */
    void signIn(String token) {
        if (!url().contains("/console/sign-in")) {
            go("/console/sign-in");
        }
        field("Operator token").sendKeys(token);
        driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        waitFor(By.cssSelector("nav.sidebar"));
    }

    /** The input a {@code <label>} with this text names: what a screen reader announces. */
    WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        String id = labelElement.getAttribute("for");
        return id != null && !id.isEmpty() ? driver.findElement(By.id(id)) : labelElement.findElement(By.xpath(".//input|.//select|.//textarea"));
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Waits for the page's notice to say {@code expected}, and returns its text. After a form is sent, the notice of
     * the previous change may still be on the page being left: it is never taken for the new one, and an element
     * detached by the page changing under the wait is looked up again.
     */
    String awaitNotice(String expected) {
        // a stale element, or Chromium's "node does not belong to the document" for one, while the page changes
        return new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class)
                .withMessage("a notice saying '" + expected + "'")
                .until(page -> page.findElements(By.cssSelector(".flash.notice")).stream()
                        .map(WebElement::getText).filter(text -> text.contains(expected)).findFirst().orElse(null));
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        waitUntil(WAIT, condition);
    }

    void waitUntil(Duration atMost, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, atMost).until(condition::apply);
    }

    WebElement button(String text) {
        return driver.findElement(By.xpath("//button[normalize-space()='" + text + "'] | //a[@role='button' and normalize-space()='" + text + "']"));
    }

    /**
     * What a screen reader or keyboard user would miss on this page: form controls without a label, buttons
     * and links without a name, images and charts without a text alternative, a page without a main landmark or
     * a heading. Empty when the page is fine.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> accessibilityProblems() {
        return (java.util.List<String>) driver.executeScript("""
                const problems = [];
                const named = el => (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title') || '').trim() !== '';
                document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(el => {
                  const label = el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
                  if (!label && !el.closest('label') && !named(el)) problems.push('unlabelled ' + el.tagName.toLowerCase() + ' ' + (el.name || el.id));
                });
                document.querySelectorAll('button, a[href]').forEach(el => {
                  if (el.textContent.trim() === '' && !named(el)) problems.push('nameless ' + el.tagName.toLowerCase() + ' ' + el.outerHTML.slice(0, 80));
                });
                document.querySelectorAll('img').forEach(el => { if (!el.hasAttribute('alt')) problems.push('img without alt ' + el.src); });
                document.querySelectorAll('canvas').forEach(el => { if (!named(el)) problems.push('canvas without a label'); });
                if (!document.querySelector('main')) problems.push('no main landmark');
                if (!document.querySelector('h1')) problems.push('no h1');
                return problems;
                """);
    }

    /** Whether the page is wider than the window (content a phone user would have to scroll sideways to see). */
    boolean overflowsSideways() {
        return (Boolean) driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    /** The innermost elements reaching past the window's right edge, to say what makes a page too wide. */
    String widerThanTheWindow() {
        return String.valueOf(driver.executeScript("""
                const out = [];
                document.querySelectorAll('body *').forEach(el => {
                  const r = el.getBoundingClientRect();
                  if (r.right > window.innerWidth + 1 && ![...el.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1)
                      && !(el.parentElement && el.parentElement.closest('.table-wrap')) && !el.closest('nav') && getComputedStyle(el).position !== 'fixed') {
                    out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' right=' + Math.round(r.right));
                  }
                });
                return out.slice(0, 5).join('; ');
                """));
    }

    /** Saves what the page looks like as {@code target/screenshots/<name>.png}, for people to look at. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, however long, at the window's width. */
    Path fullPageScreenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(Math.max(height.intValue() + 140, window.getHeight()), 6000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
