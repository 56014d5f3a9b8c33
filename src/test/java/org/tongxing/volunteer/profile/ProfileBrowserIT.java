package org.tongxing.volunteer.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.Accounts;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer on a phone reads their profile, fixes a mistyped phone on the edit page and
 * sees it masked; every page checked with axe-core and none wider than the screen.
 */
@IntegrationTest
class ProfileBrowserIT {

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

	@Test
	void aVolunteerOnAPhoneReadsAndEditsTheirProfile() {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "B");
		VolunteerId id = fixture.applicant(unit, "林小雨");
		VolunteerView volunteer = this.volunteers.get(VolunteerFixture.SYSTEM, id);

		Browser browser = this.browsers.open(Window.PHONE, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(volunteer.email());
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/me");
		assertThat(browser.heading()).isEqualTo("林小雨");
		assertThat(browser.text(By.id("profile-phone"))).isEqualTo(volunteer.phoneMasked());
		assertThat(browser.text(By.id("profile-status"))).isEqualTo("待审核");
		assertThat(browser.text(By.id("profile-history"))).contains("B-" + fixture.tag, "当前");
		assertNotWiderThanTheScreen(browser);

		browser.clickAndLoad(By.id("profile-edit"));
		assertThat(browser.heading()).isEqualTo("编辑我的资料");
		assertNotWiderThanTheScreen(browser);
		WebElement phone = driver.findElement(By.id("phone"));
		phone.sendKeys("1381234");
		driver.findElement(By.id("residentialArea")).clear();
		driver.findElement(By.id("residentialArea")).sendKeys("北京市西城区");
		browser.clickAndLoad(By.id("profile-save"));
		assertThat(browser.text(By.id("phone-errors"))).contains("手机号码格式不对");
		assertThat(driver.findElement(By.id("residentialArea")).getDomProperty("value")).isEqualTo("北京市西城区");
		assertNotWiderThanTheScreen(browser);

		phone = driver.findElement(By.id("phone"));
		phone.clear();
		phone.sendKeys("13812345678");
		browser.clickAndLoad(By.id("profile-save"));
		assertThat(browser.text(By.id("profile-notice"))).isEqualTo("资料已保存。");
		assertThat(browser.text(By.id("profile-phone"))).isEqualTo("138****5678");

		browser.clickAndLoad(By.id("qualification-add"));
		assertThat(browser.heading()).isEqualTo("添加资质证书");
		assertNotWiderThanTheScreen(browser);
	}

	private static void assertNotWiderThanTheScreen(Browser browser) {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).longValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

}
