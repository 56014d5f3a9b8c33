package org.tongxing.activity.browse;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.Visibility;
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
 * The journey of issue 4 on a phone: a volunteer signs in, finds an activity in the list,
 * opens it, signs up and sees it in "my activities"; every page checked with axe-core and
 * none wider than the screen.
 */
@IntegrationTest
class BrowseBrowserIT {

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

	@Test
	void aVolunteerOnAPhoneFindsAnActivitySignsUpAndSeesItInMyActivities() {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ActivityFixture fixture = new ActivityFixture(people, this.activities, this.volunteers);
		UnitId unit = people.unit(people.root(), "journey");
		String street = "博物馆路" + people.tag + "号";
		ActivityId activity = this.activities.create(ActivityFixture.SYSTEM,
				new ActivityDetails("助盲参观博物馆", "<p>陪同 20 位盲人朋友参观博物馆。</p>", null, unit, Set.of(), false, street, null,
						ActivityFixture.ZONE, Visibility.ASSOCIATION, null, "王老师", "010-12345678", "20 位盲人朋友", 24),
				null);
		SessionId session = fixture.session(activity, 4, 9, 12);
		this.activities.addPosition(ActivityFixture.SYSTEM, session, PositionDetails.open("讲解引导", 10));
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		VolunteerId id = people.applicant(unit, "陈一帆");
		this.volunteers.approve(ActivityFixture.SYSTEM, id);
		VolunteerView volunteer = this.volunteers.get(ActivityFixture.SYSTEM, id);

		Browser browser = this.browsers.open(Window.PHONE, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(volunteer.email());
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/activities");
		assertThat(browser.heading()).isEqualTo("志愿活动");
		assertNotWiderThanTheScreen(browser);
		// narrow the list down by place, as a volunteer near the museum would
		driver.findElement(By.cssSelector("#browse-filter-box summary")).click();
		browser.waiting().until((d) -> d.findElement(By.id("place")).isDisplayed());
		driver.findElement(By.id("place")).sendKeys(street);
		browser.clickAndLoad(By.id("browse-filter-apply"));
		WebElement card = driver.findElement(By.id("activity-" + activity.value()));
		assertThat(card.getText()).contains("助盲参观博物馆", "余 10 个名额");
		assertNotWiderThanTheScreen(browser);

		browser.clickAndLoad(By.cssSelector("#activity-" + activity.value() + " a.browse-title"));
		assertThat(browser.heading()).isEqualTo("助盲参观博物馆");
		assertThat(browser.text(By.id("browse-beneficiaries"))).isEqualTo("20 位盲人朋友");
		assertNotWiderThanTheScreen(browser);
		WebElement choice = driver.findElement(By.cssSelector("input.browse-choice"));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", choice);
		choice.click();
		browser.clickAndLoad(By.id("browse-signup-submit"));
		assertThat(browser.text(By.id("browse-results"))).contains("讲解引导", "报名成功，已确认。");
		assertNotWiderThanTheScreen(browser);

		browser.clickAndLoad(By.cssSelector("#browse-results a[href='/me/activities']"));
		assertThat(browser.heading()).isEqualTo("我的活动");
		String mine = browser.text(By.cssSelector(".browse-signup"));
		assertThat(mine).contains("助盲参观博物馆", "讲解引导", "已确认");
		assertNotWiderThanTheScreen(browser);
	}

	private static void assertNotWiderThanTheScreen(Browser browser) {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).longValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

}
