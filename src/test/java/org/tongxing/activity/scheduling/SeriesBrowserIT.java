package org.tongxing.activity.scheduling;

import java.util.List;

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
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionView;
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
 * An organiser adds a recurring series with an exception on a desktop: previews the dates
 * (the exception left out), creates them and sees the sessions with their position; every
 * page checked with axe-core.
 */
@IntegrationTest
class SeriesBrowserIT {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Activities activities;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Test
	void anOrganiserPreviewsAWeeklySeriesWithAnExceptionAndCreatesIt() {
		ActivityFixture fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		UnitId unit = fixture.volunteers.unit(fixture.volunteers.root(), "series");
		SignedInAccount organiser = fixture.volunteers.adminOf(unit);
		ActivityId activity = fixture.draft(unit, "周末读书会");

		Browser browser = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(organiser.getUsername());
		driver.findElement(By.id("password")).sendKeys("Correct-horse-42");
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/activities/" + activity.value() + "/sessions");
		browser.clickAndLoad(By.id("session-series"));
		assertThat(browser.heading()).isEqualTo("周期性场次");

		driver.findElement(By.cssSelector("input[name=weekdays][value=SATURDAY]")).click();
		setValue(driver, "firstDate", "2027-05-01");
		setValue(driver, "lastDate", "2027-05-29");
		setValue(driver, "startTime", "09:00");
		setValue(driver, "endTime", "11:00");
		driver.findElement(By.id("exceptions")).sendKeys("2027-05-15");
		driver.findElement(By.id("positions0.name")).sendKeys("引导员");
		driver.findElement(By.id("positions0.capacity")).sendKeys("6");
		browser.clickAndLoad(By.id("series-preview"));

		assertThat(browser.text(By.cssSelector("#preview h2"))).isEqualTo("将创建 4 个场次");
		List<String> dates = driver.findElements(By.cssSelector("#preview-dates li"))
			.stream()
			.map((item) -> item.getText().substring(0, 10))
			.toList();
		assertThat(dates).containsExactly("2027-05-01", "2027-05-08", "2027-05-22", "2027-05-29");
		assertThat(driver.findElement(By.id("exceptions")).getDomProperty("value")).isEqualTo("2027-05-15");

		browser.clickAndLoad(By.id("series-create"));
		assertThat(browser.text(By.id("scheduling-notice"))).isEqualTo("已创建 4 个场次。");
		assertThat(driver.findElements(By.cssSelector("#sessions-table tbody tr"))).hasSize(4);
		List<SessionView> sessions = this.activities.sessions(activity);
		assertThat(sessions).hasSize(4);
		assertThat(this.activities.positions(sessions.get(0).id())).extracting(PositionView::name)
			.containsExactly("引导员");
	}

	/** Date and time inputs take their value as a browser would after picking. */
	private static void setValue(WebDriver driver, String id, String value) {
		WebElement input = driver.findElement(By.id(id));
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, value);
	}

}
