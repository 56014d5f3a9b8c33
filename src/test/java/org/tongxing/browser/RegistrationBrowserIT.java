package org.tongxing.browser;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration journey of issue 3: on a phone an anonymous person registers (notice
 * read, consents given), is told what is missing first and sees the pending page; then
 * the unit's admin, on a desktop, signs in and approves them, and the volunteer number
 * appears. Every page is checked with axe-core; the phone page never scrolls sideways.
 */
@IntegrationTest
class RegistrationBrowserIT {

	/** The password {@link VolunteerFixture} gives the accounts it makes. */
	static final String ADMIN_PASSWORD = "Correct-horse-42";

	static final String PASSWORD = "Spring-river-2026";

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
	JdbcClient jdbc;

	@Test
	void aPersonRegistersOnAPhoneAndTheUnitAdminApprovesThemOnADesktop() {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "青年服务队");
		SignedInAccount admin = fixture.adminOf(unit);
		String name = "林" + fixture.tag.substring(0, 3).toUpperCase();
		LocalDate birthDate = LocalDate.of(1998, 6, 15);
		String email = VolunteerFixture.email("phone");

		// (1) an anonymous person, on a phone
		Browser phone = this.browsers.open(Window.PHONE, this.port).open("/register");
		WebDriver driver = phone.driver();
		assertThat(phone.heading()).isEqualTo("注册成为志愿者");
		assertNoSidewaysScroll(driver);

		type(driver, "name", name);
		driver.findElement(By.cssSelector("label[for=sex2]")).click();
		setDate(driver, "birthDate", birthDate);
		new Select(driver.findElement(By.id("idType"))).selectByValue("RESIDENT_ID");
		type(driver, "idNumber", VolunteerFixture.residentId(birthDate));
		type(driver, "phone", "13912345678");
		type(driver, "email", email);
		type(driver, "password", PASSWORD);
		type(driver, "confirmPassword", PASSWORD);
		new Select(driver.findElement(By.id("unit"))).selectByValue(String.valueOf(unit.value()));
		type(driver, "residentialArea", "北京市东城区");
		click(driver, By.cssSelector("input[name=skills][value=first-aid]"));
		new Select(driver.findElement(By.id("skillLevel-first-aid"))).selectByValue("2");
		click(driver, By.cssSelector("input[name=languages][value=en]"));
		click(driver, By.cssSelector("input[name=serviceCategories][value=emergency]"));
		click(driver, By.cssSelector("input[name=availability][value=weekend]"));
		assertThat(driver.findElement(By.id("guardian-section")).isDisplayed())
			.as("an adult is not asked for a guardian")
			.isFalse();

		// the notice opens on the page itself
		click(driver, By.cssSelector("#notice summary"));
		assertThat(driver.findElement(By.cssSelector("#notice .border")).isDisplayed()).isTrue();
		assertNoSidewaysScroll(driver);
		click(driver, By.cssSelector("label[for=noticeAccepted1]"));
		// without the separate consent for the ID number, the form comes back
		phone.clickAndLoad(By.id("registration-submit"));
		assertThat(phone.text(By.id("sensitiveDataAccepted-errors"))).isEqualTo("请单独同意处理敏感个人信息（证件号码）");
		assertThat(driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
		assertThat(driver.findElement(By.id("password")).getDomProperty("value")).isEmpty();
		assertNoSidewaysScroll(driver);

		type(driver, "password", PASSWORD);
		type(driver, "confirmPassword", PASSWORD);
		click(driver, By.cssSelector("label[for=sensitiveDataAccepted1]"));
		phone.clickAndLoad(By.id("registration-submit"));
		assertThat(phone.heading()).isEqualTo("注册申请已提交");
		assertThat(phone.text(By.id("registration-pending"))).contains("等待所选单位的管理员审核").contains(email);
		assertNoSidewaysScroll(driver);

		// (2) the unit's admin, on a desktop
		Browser desktop = this.browsers.open(Window.DESKTOP, this.port).open("/login");
		WebDriver adminDriver = desktop.driver();
		adminDriver.findElement(By.id("username")).sendKeys(admin.getUsername());
		adminDriver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		desktop.clickAndLoad(By.cssSelector("main form button[type=submit]"));
		desktop.open("/volunteers/applicants");
		long id = this.jdbc.sql("select id from volunteer where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
		String row = desktop.text(By.id("applicant-" + id));
		assertThat(row).contains(name, "邮箱未验证", "139****5678").doesNotContain("13912345678");

		desktop.clickAndLoad(By.id("approve-" + id));
		String number = this.jdbc.sql("select number from volunteer where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(number).startsWith("TX");
		assertThat(desktop.text(By.id("status-done"))).contains(name, number);
		assertThat(adminDriver.findElements(By.id("applicant-" + id))).isEmpty();
	}

	private static void type(WebDriver driver, String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void click(WebDriver driver, By by) {
		WebElement element = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	/**
	 * A date input takes typed digits in the browser's locale order; set it as a script
	 * would.
	 */
	private static void setDate(WebDriver driver, String id, LocalDate date) {
		((JavascriptExecutor) driver)
			.executeScript("const field = document.getElementById(arguments[0]); field.value = arguments[1];"
					+ " field.dispatchEvent(new Event('change', { bubbles: true }));", id, date.toString());
	}

	private static void assertNoSidewaysScroll(WebDriver driver) {
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("the page scrolls sideways by so many pixels")
			.isLessThanOrEqualTo(0);
	}

}
