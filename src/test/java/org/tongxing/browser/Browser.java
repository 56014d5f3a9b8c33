package org.tongxing.browser;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window on the application under test. Every page it loads through
 * {@link #open}, {@link #clickAndLoad} or {@link #waitForNewPage} is checked with
 * axe-core; {@link Browsers} checks the last page of a passing test once more.
 */
public final class Browser {

	private final WebDriver driver;

	private final Window window;

	private final String baseUrl;

	private final Set<String> checkedUrls = new LinkedHashSet<>();

	Browser(WebDriver driver, Window window, String baseUrl) {
		this.driver = driver;
		this.window = window;
		this.baseUrl = baseUrl;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public Window window() {
		return this.window;
	}

	/** Loads a path of the application (e.g. {@code /login}) and checks it with axe. */
	public Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return checkAccessibility();
	}

	/** Clicks something that loads a new page, waits for it and checks it with axe. */
	public Browser clickAndLoad(By by) {
		WebElement html = this.driver.findElement(By.tagName("html"));
		this.driver.findElement(by).click();
		return waitForNewPage(html);
	}

	/**
	 * Waits until the page that held {@code oldHtml} has been replaced (after a submit by
	 * keyboard, say), then checks the new one with axe.
	 */
	public Browser waitForNewPage(WebElement oldHtml) {
		waiting().until((d) -> isGone(oldHtml));
		waiting().until((d) -> "complete"
			.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
		return checkAccessibility();
	}

	/**
	 * Whether the element's page has gone. Chromedriver answers for an element of an
	 * unloaded page with "stale element", or now and then with an "unknown error" that
	 * the node does not belong to the document: both mean gone.
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/** Runs axe-core on the current page; fails on serious or critical violations. */
	public Browser checkAccessibility() {
		Axe.check(this.driver);
		this.checkedUrls.add(this.driver.getCurrentUrl());
		return this;
	}

	/**
	 * Clicks the language switch, opening the collapsed navigation first on a phone as a
	 * person would.
	 */
	public Browser switchLanguage() {
		if (this.window.collapsesNavigation()) {
			this.driver.findElement(By.cssSelector(".navbar-toggler")).click();
			waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main-nav a[href*='lang=']")));
		}
		return clickAndLoad(By.cssSelector("#main-nav a[href*='lang=']"));
	}

	/** The {@code lang} of the page's root element. */
	public String language() {
		return this.driver.findElement(By.tagName("html")).getAttribute("lang");
	}

	/** The text of the page's first heading. */
	public String heading() {
		return this.driver.findElement(By.cssSelector("main h1")).getText().trim();
	}

	public String text(By by) {
		return this.driver.findElement(by).getText().trim();
	}

	public WebDriverWait waiting() {
		return new WebDriverWait(this.driver, Duration.ofSeconds(15));
	}

	Set<String> checkedUrls() {
		return this.checkedUrls;
	}

}
