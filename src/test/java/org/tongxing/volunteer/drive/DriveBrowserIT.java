package org.tongxing.volunteer.drive;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys of on-the-spot recruitment and of a volunteer's own data: a unit admin creates
 * a drive and watches a registration made through it appear on the drive's page without
 * reloading; a volunteer on a phone finds the downloads of their data and asks for
 * deletion. Every page checked with axe-core.
 */
@IntegrationTest
class DriveBrowserIT {

	static final String PASSWORD = "Harbour-light-2026";

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

	@Test
	void anAdminCreatesADriveAndSeesItsSignUpsArriveLive() {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "D");
		String username = "driveadmin." + fixture.tag;
		this.units.appointAdmin(VolunteerFixture.SYSTEM, unit, this.accounts.create(new NewAccount(username, "招募管理员",
				username + "@example.org", PASSWORD, java.util.Set.of(Role.VOLUNTEER), false)));

		Browser admin = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		signIn(admin, username);
		admin.open("/drives");
		admin.clickAndLoad(By.id("drive-new"));
		WebDriver driver = admin.driver();
		driver.findElement(By.id("name")).sendKeys("迎新现场招募 " + fixture.tag);
		new Select(driver.findElement(By.id("unitId"))).selectByValue(String.valueOf(unit.value()));
		admin.clickAndLoad(By.id("drive-form-submit"));
		assertThat(admin.heading()).isEqualTo("迎新现场招募 " + fixture.tag);
		assertThat(admin.text(By.id("drive-signup-count"))).isEqualTo("共 0 人报名");
		long driveId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/drives/(\\d+).*", "$1"));

		VolunteerDetails details = VolunteerFixture.adult(unit, "现场报名者");
		this.volunteers.register(new NewVolunteer(details, Consents.current(true, true), NewVolunteer.REGISTRATION,
				driveId, PASSWORD, Locale.SIMPLIFIED_CHINESE));
		admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("drive-signups"), "现场报名者"));
		assertThat(admin.text(By.id("drive-signup-count"))).isEqualTo("共 1 人报名");
		assertThat(admin.text(By.id("drive-signups"))).doesNotContain(details.phone());
		admin.checkAccessibility();
	}

	@Test
	void aVolunteerOnAPhoneFindsTheirDataAndAsksForDeletion() {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "M");
		VolunteerDetails details = VolunteerFixture.adult(unit, "手机用户");
		this.volunteers.register(new NewVolunteer(details, Consents.current(true, true), NewVolunteer.ADMIN, null,
				PASSWORD, Locale.SIMPLIFIED_CHINESE));

		Browser volunteer = this.browsers.open(Window.PHONE, this.port).open("/login");
		signIn(volunteer, details.email());
		volunteer.open("/me/data");
		assertThat(volunteer.driver().findElement(By.id("privacy-download-xlsx")).isDisplayed()).isTrue();
		assertThat(volunteer.driver().findElement(By.id("privacy-download-json")).isDisplayed()).isTrue();
		volunteer.clickAndLoad(By.id("privacy-deletion-start"));
		volunteer.clickAndLoad(By.id("privacy-deletion-submit"));
		assertThat(volunteer.text(By.id("understood-errors"))).isEqualTo("请勾选确认后再提交。");
		volunteer.driver().findElement(By.cssSelector("#privacy-deletion-form input[type=checkbox]")).click();
		volunteer.clickAndLoad(By.id("privacy-deletion-submit"));
		assertThat(volunteer.text(By.id("privacy-notice"))).isEqualTo("您的删除申请已提交。");
		assertThat(volunteer.text(By.id("privacy-deletion-pending"))).contains("正等待协调员办公室确认");
	}

	private static void signIn(Browser browser, String username) {
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
	}

}
