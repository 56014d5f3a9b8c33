package org.tongxing.servicerecord.checkin;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser puts the check-in screen up on a desktop; a volunteer on a phone types
 * the code shown there and is checked in. Every page checked with axe-core, none of the
 * phone's wider than the screen.
 */
@IntegrationTest
class CheckInBrowserIT {

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

	@Test
	void aVolunteerOnAPhoneTypesTheCodeFromTheOrganisersScreen() {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(people, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = people.unit(people.root(), "checkin-browser");
		SignedInAccount organiser = people.adminOf(unit);
		Running running = fixture.session(unit, "文明用餐宣传", Duration.ofMinutes(20), Duration.ofHours(2));
		VolunteerId id = people.applicant(unit, "林小满");
		this.volunteers.approve(ServiceRecordFixture.SYSTEM, id);
		VolunteerView volunteer = this.volunteers.views(Set.of(id)).get(id);
		fixture.place(running, volunteer.accountId());

		Browser screen = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		signIn(screen, organiser.getUsername());
		screen.open("/sessions/" + running.session().value() + "/check-in");
		assertThat(screen.heading()).isEqualTo("文明用餐宣传");
		String code = screen.driver().findElement(By.id("checkin-code")).getAttribute("data-code");
		assertThat(code).matches("\\d{6}");
		assertThat(screen.driver().findElement(By.id("checkin-qr")).isDisplayed()).isTrue();

		Browser phone = this.browsers.open(Window.PHONE, this.port).open("/login");
		signIn(phone, volunteer.email());
		phone.open("/check-in");
		assertThat(phone.heading()).isEqualTo("输入签到码");
		assertNotWiderThanTheScreen(phone);
		phone.driver().findElement(By.id("code")).sendKeys(code);
		phone.clickAndLoad(By.id("checkin-submit"));
		assertThat(phone.text(By.cssSelector("#checkin-outcome h1"))).isEqualTo("签到成功");
		assertThat(phone.text(By.id("checkin-activity"))).isEqualTo("文明用餐宣传");
		assertNotWiderThanTheScreen(phone);

		// the screen counts the volunteer by itself
		// (htmx swaps the block every few seconds: an element read may have just left)
		screen.waiting()
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> "1".equals(driver.findElement(By.id("checkin-present")).getText().trim())
					&& driver.findElement(By.id("checkin-recent")).getText().contains("林小满"));
		screen.checkAccessibility();
	}

	private static void signIn(Browser browser, String username) {
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
	}

	private static void assertNotWiderThanTheScreen(Browser browser) {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).longValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

}
