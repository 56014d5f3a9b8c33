package org.tongxing.activity.scheduling;

import java.util.List;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
 * An organiser creates a weekly series with two positions on a desktop: fills the first,
 * adds a second row (htmx swaps the positions in place, the new row focused, the first
 * row's values kept), previews and creates; every page and the swapped form checked with
 * axe-core.
 */
@IntegrationTest
class SeriesPositionsBrowserIT {

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
	void anOrganiserCreatesAWeeklySeriesWithTwoPositions() {
		ActivityFixture fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		UnitId unit = fixture.volunteers.unit(fixture.volunteers.root(), "series-two-positions");
		SignedInAccount organiser = fixture.volunteers.adminOf(unit);
		ActivityId activity = fixture.draft(unit, "周末社区讲座");

		Browser browser = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(organiser.getUsername());
		driver.findElement(By.id("password")).sendKeys("Correct-horse-42");
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/activities/" + activity.value() + "/sessions");
		browser.clickAndLoad(By.id("session-series"));
		assertThat(browser.heading()).isEqualTo("周期性场次");
		assertThat(driver.findElements(By.cssSelector("fieldset.position-row"))).hasSize(1);

		driver.findElement(By.cssSelector("input[name=weekdays][value=SUNDAY]")).click();
		setValue(driver, "firstDate", "2027-09-01");
		setValue(driver, "lastDate", "2027-09-30");
		setValue(driver, "startTime", "14:00");
		setValue(driver, "endTime", "16:00");
		driver.findElement(By.id("positions0.name")).sendKeys("讲师");
		driver.findElement(By.id("positions0.capacity")).sendKeys("1");
		driver.findElement(By.cssSelector("#position-row-0 summary")).click();
		driver.findElement(By.cssSelector("input[name='positions[0].languages'][value=en]")).click();

		WebElement oldRows = driver.findElement(By.id("position-rows"));
		driver.findElement(By.id("add-position")).click();
		browser.waiting().until(ExpectedConditions.stalenessOf(oldRows));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("positions1.name")));
		// the page stayed: htmx swapped the positions only, and the new row has the focus
		assertThat(driver.findElement(By.id("firstDate")).getDomProperty("value")).isEqualTo("2027-09-01");
		browser.waiting()
			.until((d) -> "positions1.name".equals(((JavascriptExecutor) d)
				.executeScript("return document.activeElement && document.activeElement.id")));
		assertThat(driver.findElement(By.id("positions0.name")).getDomProperty("value")).isEqualTo("讲师");
		assertThat(driver.findElement(By.cssSelector("input[name='positions[0].languages'][value=en]")).isSelected())
			.isTrue();
		browser.checkAccessibility();

		driver.switchTo().activeElement().sendKeys("助教");
		driver.findElement(By.id("positions1.capacity")).sendKeys("2");
		driver.findElement(By.id("positions1.minAge")).sendKeys("16");
		browser.clickAndLoad(By.id("series-preview"));

		assertThat(browser.text(By.cssSelector("#preview h2"))).isEqualTo("将创建 4 个场次");
		assertThat(driver.findElements(By.cssSelector("fieldset.position-row"))).hasSize(2);
		browser.clickAndLoad(By.id("series-create"));
		assertThat(browser.text(By.id("scheduling-notice"))).isEqualTo("已创建 4 个场次。");

		List<SessionView> sessions = this.activities.sessions(activity);
		assertThat(sessions).extracting((session) -> session.localStart().toLocalDate().toString())
			.containsExactly("2027-09-05", "2027-09-12", "2027-09-19", "2027-09-26");
		assertThat(sessions).allSatisfy((session) -> assertThat(this.activities.positions(session.id()))
			.extracting(PositionView::name, PositionView::capacity, PositionView::minAge, PositionView::languages)
			.containsExactly(Tuple.tuple("讲师", 1, null, Set.of("en")), Tuple.tuple("助教", 2, 16, Set.of())));
	}

	/** Date and time inputs take their value as a browser would after picking. */
	private static void setValue(WebDriver driver, String id, String value) {
		WebElement input = driver.findElement(By.id(id));
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, value);
	}

}
