package org.tongxing.activity.authoring;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.SessionDetails;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit admin writes a new activity with the rich-text editor (bold, a heading, a
 * bulleted list), finds the formatting on the activity's overview, and publishes it once
 * it has a session; on a desktop and on a phone, every page checked with axe-core.
 */
@IntegrationTest
class AuthoringBrowserIT {

	static final String PASSWORD = "Correct-horse-42";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Activities activities;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@ParameterizedTest
	@EnumSource(Window.class)
	void anAdminWritesAnActivityWithTheEditorAndPublishesIt(Window window) {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "browser");
		SignedInAccount admin = fixture.adminOf(unit);
		String title = "儿童村教师节探访 " + fixture.tag;

		Browser browser = this.browsers.open(window, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(admin.getUsername());
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/activities/manage");
		assertThat(browser.heading()).isEqualTo("活动管理");
		browser.clickAndLoad(By.id("activity-new"));
		assertThat(browser.heading()).isEqualTo("新建活动");

		driver.findElement(By.id("title")).sendKeys(title);
		// the script replaced the textarea with the editor and showed its toolbar
		assertThat(driver.findElement(By.id("description")).isDisplayed()).isFalse();
		WebElement editor = driver.findElement(By.id("description-editor"));
		assertThat(driver.findElement(By.id("description-toolbar")).isDisplayed()).isTrue();
		editor.click();
		toolbar(driver, "heading").click();
		editor.sendKeys("探访安排");
		editor.sendKeys(org.openqa.selenium.Keys.ENTER);
		toolbar(driver, "heading").click();
		toolbar(driver, "bold").click();
		editor.sendKeys("教师节");
		toolbar(driver, "bold").click();
		editor.sendKeys("当天上午出发。");
		editor.sendKeys(org.openqa.selenium.Keys.ENTER);
		toolbar(driver, "insertUnorderedList").click();
		editor.sendKeys("准备礼物");
		editor.sendKeys(org.openqa.selenium.Keys.ENTER);
		editor.sendKeys("陪孩子们读书");

		driver.findElement(By.id("address")).sendKeys("北京市顺义区儿童村");
		scrollTo(driver, driver.findElement(By.id("activity-form-submit")));
		browser.clickAndLoad(By.id("activity-form-submit"));

		assertThat(browser.heading()).isEqualTo(title);
		assertThat(browser.text(By.id("activity-status"))).isEqualTo("草稿");
		WebElement description = driver.findElement(By.id("activity-description"));
		assertThat(description.findElement(By.tagName("h3")).getText()).isEqualTo("探访安排");
		assertThat(description.findElement(By.cssSelector("b, strong")).getText()).isEqualTo("教师节");
		assertThat(description.findElements(By.cssSelector("ul li"))).extracting(WebElement::getText)
			.containsExactly("准备礼物", "陪孩子们读书");

		ActivityId id = new ActivityId(
				Long.parseLong(driver.getCurrentUrl().replaceAll(".*/activities/(\\d+)/.*", "$1")));
		LocalDateTime day = LocalDateTime.now(ZoneId.of(ActivityFixture.ZONE))
			.truncatedTo(ChronoUnit.DAYS)
			.plusDays(10);
		this.activities.addSession(ActivityFixture.SYSTEM, id,
				SessionDetails.at(day.withHour(9), day.withHour(12), ActivityFixture.ZONE));

		browser.open("/activities/" + id + "/manage");
		assertThat(browser.text(By.id("activity-sessions-summary"))).contains("共 1 个场次");
		scrollTo(driver, driver.findElement(By.id("activity-publish")));
		browser.clickAndLoad(By.id("activity-publish"));
		assertThat(browser.text(By.id("activity-notice"))).isEqualTo("活动已发布。");
		assertThat(browser.text(By.id("activity-status"))).isEqualTo("已发布");
		assertThat(this.activities.find(id).orElseThrow().status()).isEqualTo(ActivityStatus.PUBLISHED);
		assertThat(pageWidth(driver)).isLessThanOrEqualTo(viewportWidth(driver));
	}

	private static WebElement toolbar(WebDriver driver, String command) {
		return driver.findElement(By.cssSelector("#description-toolbar [data-command='" + command + "']"));
	}

	private static void scrollTo(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	private static long pageWidth(WebDriver driver) {
		return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
	}

	private static long viewportWidth(WebDriver driver) {
		return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
	}

}
