package org.tongxing.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser tests, as a JUnit extension:
 * {@code @RegisterExtension final Browsers browsers = new Browsers();} then
 * {@code browsers.open(Window.PHONE, port)}.
 *
 * <p>
 * Uses {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} only; Selenium Manager
 * never downloads anything. Without them the test is skipped, except on CI
 * ({@code CI=true}), where it fails. When a test fails, each open window saves a
 * screenshot and its HTML to {@code target/browser-screenshots}. When it passes, the page
 * each window shows last is checked with axe once more.
 */
public class Browsers implements BeforeEachCallback, AfterEachCallback {

	static final Path CHROMIUM = Path.of(System.getProperty("tongxing.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("tongxing.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

	private final List<Browser> open = new ArrayList<>();

	private final List<Path> profiles = new ArrayList<>();

	@Override
	public void beforeEach(ExtensionContext context) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String reason = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(reason);
			}
			Assumptions.abort(reason);
		}
	}

	/** A new browser with a fresh profile, in the given window size. */
	public Browser open(Window window, int port) {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		try {
			Path profile = Files.createTempDirectory("tongxing-chromium-");
			this.profiles.add(profile);
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--user-data-dir=" + profile,
					// Bootstrap scrolls smoothly otherwise, and a click lands while the
					// page still moves
					"--force-prefers-reduced-motion", "--window-size=" + window.width() + "," + window.height());
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			Browser browser = new Browser(driver, window, "http://localhost:" + port);
			this.open.add(browser);
			return browser;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create a Chromium profile directory", ex);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		try {
			if (context.getExecutionException().isPresent()) {
				saveScreenshots(context);
			}
			else {
				for (Browser browser : this.open) {
					browser.checkAccessibility();
				}
			}
		}
		finally {
			for (Browser browser : this.open) {
				try {
					browser.driver().quit();
				}
				catch (RuntimeException ex) {
					// the browser may be gone already; the test's own failure matters
					// more
				}
			}
			this.open.clear();
			for (Path profile : this.profiles) {
				deleteRecursively(profile);
			}
			this.profiles.clear();
		}
	}

	private void saveScreenshots(ExtensionContext context) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
				+ "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_");
		for (int i = 0; i < this.open.size(); i++) {
			Browser browser = this.open.get(i);
			String file = name + "-" + browser.window().name().toLowerCase() + "-" + i;
			try {
				File png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE);
				Files.copy(png.toPath(), SCREENSHOTS.resolve(file + ".png"), StandardCopyOption.REPLACE_EXISTING);
				Files.writeString(SCREENSHOTS.resolve(file + ".html"), browser.driver().getPageSource());
			}
			catch (RuntimeException ex) {
				// a crashed browser cannot take a screenshot; keep the original failure
			}
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
