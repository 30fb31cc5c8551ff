package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by its own chromedriver, both named explicitly so that Selenium Manager never
 * looks for (or downloads) a browser or driver: the build runs without a network. Absent, the browser tests are
 * skipped with the command that installs them.
 */
final class HeadlessChromium {

    static final String INSTALL = "sudo apt-get install -y chromium chromium-driver";
    private static final Path CHROMIUM = Path.of(System.getProperty("livedesk.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path
            .of(System.getProperty("livedesk.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Selenium logs through java.util.logging; a strong reference keeps the level set for the test JVM's life
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    private static boolean told;

    private HeadlessChromium() {
    }

    /** Starts a headless Chromium, or skips the calling test class when the packages are not installed. */
    static WebDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "Browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER + "; install them with: "
                    + INSTALL;
            // surefire's console names skipped tests but not why: say it where the person running the build looks
            if (!told) {
                told = true;
                System.out.println(reason);
            }
            assumeTrue(false, reason);
        }
        // the build log stays quiet: what Selenium and chromedriver would print is not a test result
        SELENIUM_LOG.setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--lang=en-US");
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, for a person to look at. */
    static Path screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
