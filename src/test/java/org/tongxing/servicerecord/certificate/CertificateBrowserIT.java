package org.tongxing.servicerecord.certificate;

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
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.certificate.CertificateFixture.Person;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate journey on a phone: a volunteer with confirmed hours signs in, issues a
 * certificate for this year, downloads its PDF through the page's link, and opens its
 * verification page, which says it is valid. Every page is checked with axe-core and none
 * is wider than the screen.
 */
@IntegrationTest
class CertificateBrowserIT {

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
	ServiceRecords records;

	@Autowired
	Certificates certificates;

	@Test
	void aVolunteerOnAPhoneIssuesDownloadsAndVerifiesACertificate() {
		CertificateFixture fixture = new CertificateFixture(this.units, this.accounts, this.volunteers, this.records);
		UnitId unit = fixture.people.unit(fixture.people.root(), "证明旅程");
		SignedInAccount admin = fixture.people.adminOf(unit);
		Person volunteer = fixture.volunteer(unit, "林小雨");
		fixture.confirmed(volunteer, "读书节图书义卖", this.certificates.today(), "3.5", admin.id());

		Browser browser = this.browsers.open(Window.PHONE, this.port).open("/login");
		WebDriver driver = browser.driver();
		driver.findElement(By.id("username")).sendKeys(volunteer.details().email());
		driver.findElement(By.id("password")).sendKeys(CertificateFixture.PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));

		browser.open("/me/certificates");
		assertThat(browser.heading()).isEqualTo("我的志愿服务证明");
		assertThat(driver.findElement(By.id("from")).getDomProperty("value"))
			.isEqualTo(this.certificates.today().withDayOfYear(1).toString());
		assertNotWiderThanTheScreen(browser);
		WebElement form = driver.findElement(By.tagName("html"));
		click(driver, By.id("certificate-submit"));
		browser.waitForNewPage(form);
		browser.waiting().until((d) -> !d.findElements(By.id("certificate-issued")).isEmpty());
		assertThat(browser.text(By.id("certificate-issued"))).startsWith("已出具证明 TX");
		WebElement item = driver.findElement(By.cssSelector(".certificate-item"));
		assertThat(item.getText()).contains("有效", "3.5 小时");
		assertNotWiderThanTheScreen(browser);

		String href = item.findElement(By.cssSelector("a.certificate-download")).getAttribute("href");
		Object fetched = ((JavascriptExecutor) driver).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch(arguments[0]).then(async (r) => {
						  const bytes = new Uint8Array(await r.arrayBuffer());
						  done(r.status + ' ' + r.headers.get('content-type') + ' ' + String.fromCharCode(...bytes.slice(0, 5)));
						}).catch((e) => done('failed ' + e));""",
				href);
		assertThat(fetched).isEqualTo("200 application/pdf %PDF-");

		WebElement list = driver.findElement(By.tagName("html"));
		click(driver, By.cssSelector(".certificate-item a.certificate-verify"));
		browser.waitForNewPage(list);
		browser.waiting().until((d) -> !d.findElements(By.id("verify-status")).isEmpty());
		assertThat(browser.text(By.id("verify-status"))).contains("有效");
		assertThat(browser.text(By.id("verify-name"))).isEqualTo("林*雨");
		assertThat(browser.text(By.id("verify-hours"))).isEqualTo("3.5 小时");
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("林小雨");
		assertNotWiderThanTheScreen(browser);
	}

	private static void click(WebDriver driver, By by) {
		WebElement element = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	private static void assertNotWiderThanTheScreen(Browser browser) {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).longValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

}
