package org.tongxing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs axe-core (from the webjar on the test classpath) on the page a browser shows and
 * fails on violations of impact "serious" or "critical".
 */
public final class Axe {

	static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

	private static volatile String source;

	private Axe() {
	}

	/**
	 * Checks the current page.
	 * @throws AssertionError listing each serious or critical violation: rule id, impact,
	 * help text and the selectors of the offending elements
	 */
	public static void check(WebDriver driver) {
		List<String> problems = violations(driver);
		if (!problems.isEmpty()) {
			fail("axe-core found " + problems.size() + " serious or critical accessibility violation(s) on "
					+ driver.getCurrentUrl() + ":\n  " + String.join("\n  ", problems));
		}
	}

	/** The serious and critical violations on the current page, described. */
	@SuppressWarnings("unchecked")
	public static List<String> violations(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
			js.executeScript(source());
		}
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((results) => done(results.violations.map((v) => ({
				    id: v.id, impact: v.impact, help: v.help,
				    targets: v.nodes.map((n) => n.target.join(' '))
				  }))))
				  .catch((error) => done('axe failed: ' + error));
				""");
		if (result instanceof String error) {
			throw new IllegalStateException(error);
		}
		List<String> problems = new ArrayList<>();
		for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
			if (FAILING_IMPACTS.contains(violation.get("impact"))) {
				problems.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
						+ " at " + violation.get("targets"));
			}
		}
		return problems;
	}

	private static String source() {
		if (source == null) {
			try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
				if (in == null) {
					throw new IllegalStateException(SCRIPT + " is not on the test classpath (axe-core webjar)");
				}
				source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return source;
	}

}
