package org.tongxing.servicerecord.records;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.AccountId;
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
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser opens a session's records on a desktop and confirms them all: every row
 * says 已确认 without leaving the page. Every state checked with axe.
 */
@IntegrationTest
class RecordsBrowserIT {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	CheckIns checkIns;

	@Autowired
	ServiceRecords records;

	@Test
	void anOrganiserConfirmsAllRecordsOfASession() {
		VolunteerFixture volunteerFixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(volunteerFixture, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = volunteerFixture.unit(volunteerFixture.root(), "records-browser");
		SignedInAccount admin = volunteerFixture.adminOf(unit);
		Running running = fixture.session(unit, "记录确认演示", Duration.ofHours(3), Duration.ofHours(2));
		for (String name : new String[] { "志愿者甲", "志愿者乙" }) {
			AccountId account = fixture.attendee(running, unit, name);
			fixture.attend(running, account, running.startsAt().plus(Duration.ofMinutes(2)),
					running.startsAt().plus(Duration.ofMinutes(118)));
		}
		fixture.attendee(running, unit, "未到者");

		Browser browser = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(admin.getUsername());
		driver.findElement(By.id("password")).sendKeys("Correct-horse-42");
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		String path = "/sessions/" + running.session().value() + "/records";
		browser.open(path);
		assertThat(browser.heading()).contains("记录确认演示");
		assertThat(browser.text(By.id("records-table"))).contains("志愿者甲", "志愿者乙", "待确认");
		assertThat(browser.text(By.id("records-missing"))).contains("未到者");

		driver.findElement(By.id("records-confirm-all")).click();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("records-notice")));
		assertThat(browser.text(By.id("records-notice"))).isEqualTo("已确认 2 条服务记录。");
		assertThat(driver.findElements(By.cssSelector(".records-status")))
			.allSatisfy((badge) -> assertThat(badge.getText()).isEqualTo("已确认"))
			.hasSize(2);
		assertThat(driver.getCurrentUrl()).endsWith(path);
		browser.checkAccessibility();
		assertThat(this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()))
			.allSatisfy((entry) -> assertThat(entry.status()).isEqualTo(EntryStatus.CONFIRMED));
	}

}
