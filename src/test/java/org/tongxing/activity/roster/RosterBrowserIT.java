package org.tongxing.activity.roster;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SignUpId;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
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
 * An organiser opens a session's roster on a desktop and approves a pending sign-up: it
 * moves to the confirmed ones without leaving the page. Every state checked with axe.
 */
@IntegrationTest
class RosterBrowserIT {

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

	@Test
	void anOrganiserApprovesAPendingSignUpAndSeesItConfirmed() {
		ActivityFixture fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		UnitId unit = fixture.volunteers.unit(fixture.volunteers.root(), "roster-browser");
		SignedInAccount admin = fixture.volunteers.adminOf(unit);
		PositionId position = fixture.published(unit, "审核演示活动", 6,
				new PositionDetails("讲解员", null, 3, Approval.ORGANISER, null, Set.of(), Set.of(), Set.of()));
		SignUpId pending = this.signUps.signUp(fixture.volunteer(unit, "待审核志愿者"), position).signUp();
		long session = this.activities.findPosition(position).orElseThrow().session().value();

		Browser browser = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(admin.getUsername());
		driver.findElement(By.id("password")).sendKeys("Correct-horse-42");
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/sessions/" + session + "/roster");
		assertThat(browser.heading()).contains("审核演示活动");
		By pendingRows = By.id("roster-pending-" + position.value());
		assertThat(browser.text(pendingRows)).contains("待审核志愿者");

		driver.findElement(By.cssSelector("#signup-" + pending + " .roster-approve")).click();
		By confirmed = By.id("roster-confirmed-" + position.value());
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(confirmed, "待审核志愿者"));
		assertThat(browser.text(By.id("roster-notice"))).isEqualTo("已通过该报名。");
		assertThat(driver.findElements(pendingRows)).isEmpty();
		assertThat(driver.getCurrentUrl()).endsWith("/sessions/" + session + "/roster");
		browser.checkAccessibility();
		assertThat(this.signUps.find(pending).orElseThrow().status()).isEqualTo(SignUpStatus.CONFIRMED);
	}

}
