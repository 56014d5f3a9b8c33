package org.tongxing.servicerecord.profile;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
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
 * An admin at a desk records a volunteer's training through the form, first with a
 * mistake the page points out (the typed values kept), then correctly; the volunteer then
 * reads it on a phone; the admin corrects a typo in it and at last withdraws it, and the
 * volunteer sees the correction, then nothing. Every page is checked with axe-core.
 */
@IntegrationTest
class ServiceProfileBrowserIT {

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
	void anAdminAddsCorrectsAndWithdrawsATrainingRecordAndTheVolunteerReadsIt() {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "档案浏览");
		VolunteerId id = fixture.applicant(unit, "周晓明");
		VolunteerView volunteer = this.volunteers.get(VolunteerFixture.SYSTEM, id);
		SignedInAccount admin = fixture.adminOf(unit);
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(7);

		Browser browser = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		signIn(browser, admin.getUsername());
		browser.open("/volunteers/" + id.value() + "/service");
		assertThat(browser.heading()).isEqualTo("周晓明的服务档案");
		WebDriver driver = browser.driver();

		driver.findElement(By.id("training-name")).sendKeys("应急救护培训");
		driver.findElement(By.id("training-hours")).sendKeys("4");
		setDate(driver, "training-heldOn", day);
		browser.clickAndLoad(By.id("training-submit"));
		assertThat(browser.text(By.id("training-organiser-errors"))).contains("请填写此项");
		assertThat(driver.findElement(By.id("training-name")).getDomProperty("value")).isEqualTo("应急救护培训");
		assertThat(driver.findElement(By.id("training-hours")).getDomProperty("value")).isEqualTo("4");

		driver.findElement(By.id("training-organiser")).sendKeys("红十字会北京分会");
		driver.findElement(By.id("training-content")).sendKeys("心肺复苏与止血包扎");
		browser.clickAndLoad(By.id("training-submit"));
		assertThat(browser.text(By.id("service-notice"))).isEqualTo("培训记录已添加。");
		assertThat(browser.text(By.id("training-list"))).contains("应急救护培训", "4 小时", "红十字会北京分会", day.toString());

		Browser phone = this.browsers.open(Window.PHONE, this.port).open("/login");
		signIn(phone, volunteer.email());
		phone.open("/me/record");
		assertThat(phone.heading()).isEqualTo("我的服务档案");
		assertThat(phone.text(By.id("training-list"))).contains("应急救护培训", "4 小时", "心肺复苏与止血包扎");
		Object overflow = ((JavascriptExecutor) phone.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).longValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);

		// a typo corrected, then the entry withdrawn: the volunteer sees the one, then
		// nothing
		browser.clickAndLoad(By.cssSelector("#training-list a[id$='-edit']"));
		assertThat(browser.heading()).isEqualTo("更正或撤回培训记录");
		WebElement name = driver.findElement(By.id("edit-name"));
		name.clear();
		name.sendKeys("应急救护培训（初级）");
		browser.clickAndLoad(By.id("edit-submit"));
		assertThat(browser.text(By.id("service-notice"))).isEqualTo("记录已更正。");
		phone.open("/me/record");
		assertThat(phone.text(By.id("training-list"))).contains("应急救护培训（初级）");

		browser.clickAndLoad(By.cssSelector("#training-list a[id$='-edit']"));
		browser.clickAndLoad(By.id("withdraw-submit"));
		assertThat(browser.text(By.id("withdraw-reason-errors"))).contains("请填写此项");
		driver.findElement(By.id("withdraw-reason")).sendKeys("同一培训重复登记");
		browser.clickAndLoad(By.id("withdraw-submit"));
		assertThat(browser.text(By.id("service-notice"))).isEqualTo("记录已撤回。");
		assertThat(browser.text(By.id("training-list"))).contains("已撤回", "同一培训重复登记");
		phone.open("/me/record");
		assertThat(phone.driver().findElements(By.id("training-list"))).isEmpty();
	}

	private static void setDate(WebDriver driver, String id, LocalDate day) {
		// typing into a date field depends on the browser's locale; set its value as a
		// picker would
		WebElement field = driver.findElement(By.id(id));
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, day.toString());
	}

	private static void signIn(Browser browser, String username) {
		WebDriver driver = browser.driver();
		WebElement field = driver.findElement(By.id("username"));
		field.clear();
		field.sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
	}

}
