package org.tongxing.servicerecord.card;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.SignUps;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser opens the card scanner on a desktop whose browser has no camera (headless
 * Chromium): the page says the camera cannot be used and offers the field, where a pasted
 * card text checks the volunteer in and a forged one is refused; both land in the log of
 * recent scans. Every state checked with axe.
 */
@IntegrationTest
class ScanBrowserIT {

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
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	CheckIns checkIns;

	@Autowired
	CheckInTokens tokens;

	@Test
	void withoutACameraTheOrganiserPastesACardAndTheVolunteerIsCheckedIn() {
		CardTestSupport support = new CardTestSupport(this.units, this.accounts, this.volunteers, this.activities,
				this.signUps, this.checkIns, "扫证浏览器");
		Running running = support.fixture.session(support.unit, "浏览器扫证", Duration.ofMinutes(15), Duration.ofHours(2));
		AccountId account = support.fixture.attendee(running, support.unit, "浏览器志愿者");
		VolunteerView volunteer = support.fixture.activities.volunteerOf(account);

		Browser browser = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(support.organiser.getUsername());
		driver.findElement(By.id("password")).sendKeys("Correct-horse-42");
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open(ScanIT.scan(running));
		assertThat(browser.heading()).contains("浏览器扫证");
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-camera-unavailable")));
		assertThat(browser.text(By.id("scan-camera-unavailable"))).contains("无法使用摄像头", "输入或粘贴");
		assertThat(driver.findElement(By.id("scan-viewfinder")).isDisplayed()).isFalse();
		browser.checkAccessibility();

		WebElement field = driver.findElement(By.id("card"));
		field.sendKeys(this.tokens.card(volunteer.number()));
		driver.findElement(By.id("scan-submit")).click();
		browser.waiting()
			.ignoring(StaleElementReferenceException.class)
			.until(ExpectedConditions.attributeToBe(By.id("scan-outcome"), "data-outcome", "CHECKED_IN"));
		assertThat(browser.text(By.id("scan-outcome"))).contains("签到成功", "浏览器志愿者", volunteer.number());
		assertThat(driver.findElements(By.cssSelector("#scan-log li"))).hasSize(1);
		assertThat(driver.findElement(By.id("scan-log-empty")).isDisplayed()).isFalse();
		assertThat(driver.getCurrentUrl()).endsWith(ScanIT.scan(running));
		browser.waiting().until((d) -> d.findElement(By.id("card")).getAttribute("value").isEmpty());
		browser.checkAccessibility();

		driver.findElement(By.id("card")).sendKeys("TXV1." + volunteer.number() + ".forged");
		driver.findElement(By.id("scan-submit")).click();
		browser.waiting()
			.ignoring(StaleElementReferenceException.class)
			.until(ExpectedConditions.attributeToBe(By.id("scan-outcome"), "data-outcome", "REFUSED"));
		assertThat(browser.text(By.id("scan-outcome"))).contains("无法识别这张志愿者证");
		assertThat(driver.findElements(By.cssSelector("#scan-log li"))).hasSize(2);
		assertThat(browser.text(By.cssSelector("#scan-log li:first-child"))).contains("无法识别");
		browser.checkAccessibility();

		assertThat(this.checkIns.find(support.fixture.volunteerId(account), running.session())).isPresent();
	}

}
