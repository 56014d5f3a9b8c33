package org.tongxing.servicerecord.myhours;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone: a volunteer with one confirmed entry opens their hours, asks for a
 * correction and sees it pending under the original; every page checked with axe-core and
 * none wider than the screen.
 */
@IntegrationTest
class MyHoursBrowserIT {

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
	ServiceRecords records;

	@Test
	void aVolunteerOnAPhoneAsksForACorrectionAndSeesItPendingUnderTheOriginal() {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(people, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = people.unit(people.root(), "phone-hours");
		Running running = fixture.session(unit, "助盲参观博物馆", Duration.ofHours(3), Duration.ofHours(3));
		VolunteerId id = people.applicant(unit, "陈一帆");
		this.volunteers.approve(ServiceRecordFixture.SYSTEM, id);
		VolunteerView volunteer = this.volunteers.get(ServiceRecordFixture.SYSTEM, id);
		AccountId account = volunteer.accountId();
		fixture.place(running, account);
		fixture.attend(running, account, running.startsAt(), running.endsAt());
		EntryView entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0);
		this.records.confirm(ServiceRecordFixture.SYSTEM, entry.id(), people.account("coord", Role.COORDINATOR).id());

		Browser browser = this.browsers.open(Window.PHONE, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(volunteer.email());
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/me/hours");
		assertThat(browser.heading()).isEqualTo("我的服务时长");
		assertThat(browser.text(By.id("myhours-total"))).isEqualTo("3 小时");
		assertThat(browser.text(By.id("myhours-year"))).startsWith("3 / 20");
		String original = "#entry-" + entry.id();
		assertThat(browser.text(By.cssSelector(original))).contains("助盲参观博物馆", "已确认", "3 小时");
		assertNotWiderThanTheScreen(browser);

		click(browser, By.cssSelector(original + " a.myhours-correct"));
		assertThat(browser.heading()).isEqualTo("申请更正服务记录");
		assertThat(browser.text(By.id("myhours-standing-now"))).isEqualTo("现计 3 小时");
		assertNotWiderThanTheScreen(browser);
		WebElement hours = driver.findElement(By.id("hours"));
		hours.clear();
		hours.sendKeys("2");
		driver.findElement(By.id("reason")).sendKeys("提前一小时离开");
		click(browser, By.id("myhours-correction-submit"));

		assertThat(browser.heading()).isEqualTo("我的服务时长");
		assertThat(browser.text(By.id("myhours-notice"))).isEqualTo("更正申请已提交，记录单位审核后生效。");
		String correction = browser.text(By.cssSelector(original + " .myhours-correction"));
		assertThat(correction).contains("更正为 2 小时", "待确认", "原因：提前一小时离开");
		// nothing counts until the recording unit decides
		assertThat(browser.text(By.id("myhours-total"))).isEqualTo("3 小时");
		assertNotWiderThanTheScreen(browser);
	}

	private static void click(Browser browser, By by) {
		WebElement target = browser.driver().findElement(by);
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				target);
		browser.clickAndLoad(by);
	}

	private static void assertNotWiderThanTheScreen(Browser browser) {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).longValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

}
