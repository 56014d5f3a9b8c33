package org.tongxing.servicerecord.card;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.SignUps;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer opens their card on a phone: it fits the screen without sideways scrolling,
 * its QR code loads, and axe finds nothing serious.
 */
@IntegrationTest
class CardBrowserIT {

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

	@Test
	void aVolunteerSeesTheirCardOnAPhone() {
		CardTestSupport support = new CardTestSupport(this.units, this.accounts, this.volunteers, this.activities,
				this.signUps, this.checkIns, "手机证");
		VolunteerId id = support.people.applicant(support.unit, "手机志愿者");
		this.volunteers.approve(ServiceRecordFixture.SYSTEM, id);
		VolunteerView volunteer = this.volunteers.views(List.of(id)).get(id);
		AccountId account = volunteer.accountId();

		Browser browser = this.browsers.open(Window.PHONE, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(this.accounts.find(account).orElseThrow().username());
		driver.findElement(By.id("password")).sendKeys("Correct-horse-42");
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/me/card");
		assertThat(browser.text(By.id("card-name"))).isEqualTo("手机志愿者");
		assertThat(browser.text(By.id("card-number"))).isEqualTo(volunteer.number());
		JavascriptExecutor js = (JavascriptExecutor) driver;
		browser.waiting()
			.until((d) -> Boolean.TRUE.equals(js.executeScript(
					"const i = document.getElementById('card-qr'); return i.complete && i.naturalWidth > 0;")));
		assertThat((Boolean) js
			.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
			.as("the card fits the phone's width")
			.isTrue();
		Number qrWidth = (Number) js
			.executeScript("return document.getElementById('card-qr').getBoundingClientRect().width;");
		assertThat(qrWidth.doubleValue()).as("the QR code is large enough to scan").isGreaterThan(250);
		browser.checkAccessibility();
	}

}
