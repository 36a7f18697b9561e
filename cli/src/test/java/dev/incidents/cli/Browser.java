package dev.incidents.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the page tests, driven through the system's chromedriver (Debian {@code chromium} and
 * {@code chromium-driver}): both are found on {@code PATH} and passed explicitly, so Selenium Manager never looks for,
 * let alone downloads, a driver or a browser. Without them the test fails and says what to install.
 */
final class Browser implements AutoCloseable {
    static final String INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser (its own empty profile under {@code target/}) with a window of {@code width} x {@code height}. */
    static Browser start(int width, int height) {
        Path chromedriver = onPath("chromedriver").orElseThrow(() -> new AssertionError(
                "the browser tests need chromedriver and chromium on PATH; install them: " + INSTALL));
        Path chromium = onPath("chromium").or(() -> onPath("chromium-browser")).or(() -> onPath("google-chrome"))
                .orElseThrow(() -> new AssertionError("the browser tests need chromium on PATH; install it: " + INSTALL));
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "browser")), "profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            // No sandbox: the tests run as root in CI. The rest keeps the browser from calling home during a test.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The page from its top (the window grown to the document's height, at most {@code maxHeight}) as a PNG. */
    Path screenshot(Path file, int width, int maxHeight) {
        script("window.scrollTo(0, 0)");
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        resize(width, (int) Math.min(maxHeight, Math.max(400, height)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a profile left under target/ is cleaned by the next mvn clean
            }
        }
    }

    static List<String> texts(List<org.openqa.selenium.WebElement> elements) {
        return elements.stream().map(org.openqa.selenium.WebElement::getText).toList();
    }
}
