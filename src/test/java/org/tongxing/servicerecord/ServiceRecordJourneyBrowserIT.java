package org.tongxing.servicerecord;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey, end to end in real browsers: the organiser's screen shows the
 * code; a volunteer on a phone checks in with it and, later, out; the organiser confirms
 * the record; the volunteer sees the hours, downloads a certificate and verifies it.
 */
@IntegrationTest
class ServiceRecordJourneyBrowserIT {

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
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	CheckIns checkIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void checkInAndOutConfirmCertifyAndVerify() {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(people, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = people.unit(people.root(), "旅程");
		SignedInAccount organiser = people.adminOf(unit);
		Running running = fixture.session(unit, "社区敬老院探访", Duration.ofMinutes(30), Duration.ofHours(3));
		VolunteerId id = people.applicant(unit, "周一诺");
		this.volunteers.approve(ServiceRecordFixture.SYSTEM, id);
		VolunteerView volunteer = this.volunteers.views(Set.of(id)).get(id);
		fixture.place(running, volunteer.accountId());
		String session = "/sessions/" + running.session().value();

		Browser screen = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		signIn(screen, organiser.getUsername());
		screen.open(session + "/check-in");
		Browser phone = this.browsers.open(Window.PHONE, this.port).open("/login");
		signIn(phone, volunteer.email());

		phone.open("/check-in");
		phone.driver().findElement(By.id("code")).sendKeys(code(screen));
		phone.clickAndLoad(By.id("checkin-submit"));
		assertThat(phone.text(By.cssSelector("#checkin-outcome h1"))).isEqualTo("签到成功");

		// two hours of service later (the check-in is moved back, the clock cannot be)
		this.jdbc.sql("update attendance set checked_in_at = checked_in_at - interval '2 hours' where session_id = ?")
			.param(running.session().value())
			.update();
		screen.open(session + "/check-in");
		phone.open("/check-in");
		phone.driver().findElement(By.id("code")).sendKeys(code(screen));
		phone.clickAndLoad(By.id("checkin-submit"));
		assertThat(phone.text(By.cssSelector("#checkin-outcome h1"))).isEqualTo("签退成功");
		assertThat(phone.driver().findElement(By.tagName("main")).getText()).contains("2 小时");

		screen.open(session + "/records");
		assertThat(screen.text(By.id("records-table"))).contains("周一诺", "待确认");
		screen.driver().findElement(By.id("records-confirm-all")).click();
		screen.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("records-notice")));
		assertThat(screen.text(By.cssSelector(".records-status"))).isEqualTo("已确认");

		phone.open("/me/hours");
		assertThat(phone.driver().findElement(By.tagName("main")).getText()).contains("社区敬老院探访", "已确认");

		phone.open("/me/certificates");
		WebElement form = phone.driver().findElement(By.tagName("html"));
		click(phone.driver(), By.id("certificate-submit"));
		phone.waitForNewPage(form);
		phone.waiting().until((d) -> !d.findElements(By.id("certificate-issued")).isEmpty());
		WebElement item = phone.driver().findElement(By.cssSelector(".certificate-item"));
		assertThat(item.getText()).contains("有效", "2 小时");
		String href = item.findElement(By.cssSelector("a.certificate-download")).getAttribute("href");
		Object fetched = ((JavascriptExecutor) phone.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(async (r) => {
				  const bytes = new Uint8Array(await r.arrayBuffer());
				  done(r.status + ' ' + String.fromCharCode(...bytes.slice(0, 5)));
				}).catch((e) => done('failed ' + e));""", href);
		assertThat(fetched).isEqualTo("200 %PDF-");

		WebElement list = phone.driver().findElement(By.tagName("html"));
		click(phone.driver(), By.cssSelector(".certificate-item a.certificate-verify"));
		phone.waitForNewPage(list);
		phone.waiting().until((d) -> !d.findElements(By.id("verify-status")).isEmpty());
		assertThat(phone.text(By.id("verify-status"))).contains("有效");
		assertThat(phone.text(By.id("verify-name"))).isEqualTo("周*诺");
		assertThat(phone.text(By.id("verify-hours"))).isEqualTo("2 小时");
		phone.checkAccessibility();
	}

	/**
	 * The code on the screen (htmx swaps the block every few seconds: read it again
	 * then).
	 */
	private static String code(Browser screen) {
		String code = screen.waiting()
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.findElement(By.id("checkin-code")).getAttribute("data-code"));
		assertThat(code).matches("\\d{6}");
		return code;
	}

	private static void signIn(Browser browser, String username) {
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
	}

	private static void click(WebDriver driver, By by) {
		WebElement element = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

}
