package org.tongxing.volunteer.registry;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.Accounts;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit admin uses the registry on a desktop and on a phone: the list fits the screen
 * (the table scrolls inside its own box), the filter updates the results in place and the
 * URL with them, and "show" reveals a phone number on the volunteer's page. Every page is
 * checked with axe-core.
 */
@IntegrationTest
class RegistryBrowserIT {

	static final String PASSWORD = "Correct-horse-42";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(Window.class)
	void anAdminFiltersTheRegistryAndRevealsAPhone(Window window) {
		RegistryData d = new RegistryData(this.units, this.accounts, this.volunteers, this.jdbc);
		Browser browser = this.browsers.open(window, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(d.adminOfA.getUsername());
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/volunteers");
		assertThat(browser.heading()).isEqualTo("志愿者名册");
		assertThat(rows(driver)).isEqualTo(4);
		assertThat(pageWidth(driver)).isLessThanOrEqualTo(viewportWidth(driver));

		WebElement table = driver.findElement(By.id("registry-table"));
		new Select(driver.findElement(By.id("status"))).selectByValue("APPLICANT");
		driver.findElement(By.id("registry-apply")).click();
		browser.waiting().until(ExpectedConditions.stalenessOf(table));
		browser.waiting().until((ignored) -> rows(driver) == 1);
		// the filter is in the address, without the empty fields
		assertThat(driver.getCurrentUrl()).endsWith("/volunteers?status=APPLICANT&sort=NAME");
		browser.checkAccessibility();

		browser.clickAndLoad(By.linkText(d.name("a2")));
		assertThat(browser.heading()).isEqualTo(d.name("a2"));
		String phone = d.details.get(d.a2).phone();
		assertThat(browser.text(By.id("reveal-PHONE"))).doesNotContain(phone);
		driver.findElement(By.cssSelector("#reveal-PHONE button")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.id("revealed-PHONE"), phone));
		assertThat(browser.text(By.id("reveal-PHONE"))).contains("审计日志");
		assertThat(pageWidth(driver)).isLessThanOrEqualTo(viewportWidth(driver));
		browser.checkAccessibility();
	}

	private static long rows(WebDriver driver) {
		return driver.findElements(By.cssSelector("tr[data-volunteer]")).size();
	}

	private static long pageWidth(WebDriver driver) {
		return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
	}

	private static long viewportWidth(WebDriver driver) {
		return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
	}

}
