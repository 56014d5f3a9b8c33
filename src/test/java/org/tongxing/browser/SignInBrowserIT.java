package org.tongxing.browser;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor signs in, in Chinese by default or in English once chosen, on a desktop and
 * on a phone, with the mouse or the keyboard alone; unknown pages answer in the chosen
 * language. Every page visited is checked with axe-core.
 */
@IntegrationTest
class SignInBrowserIT {

	static final String PASSWORD = "Lantern-river-2026";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@ParameterizedTest
	@EnumSource(Window.class)
	void signInPageIsChineseAndEnglishIsRememberedOnceChosen(Window window) {
		Person person = newPerson();
		Browser browser = this.browsers.open(window, this.port).open("/login");
		assertThat(browser.language()).isEqualTo("zh-CN");
		assertThat(browser.heading()).isEqualTo("登录");
		assertThat(browser.text(By.cssSelector("label[for=username]"))).isEqualTo("用户名");

		browser.switchLanguage();
		assertThat(browser.language()).isEqualTo("en");
		assertThat(browser.heading()).isEqualTo("Sign in");
		assertThat(browser.driver().manage().getCookieNamed("tongxing-lang")).isNotNull();

		// a protected page without ?lang= sends the visitor to sign in, still in English
		browser.open("/");
		assertThat(browser.driver().getCurrentUrl()).contains("/login");
		assertThat(browser.heading()).isEqualTo("Sign in");

		signIn(browser, person.username(), PASSWORD);
		assertThat(browser.language()).isEqualTo("en");
		assertThat(browser.heading()).isEqualTo("Welcome, " + person.displayName());
	}

	@ParameterizedTest
	@EnumSource(Window.class)
	void aWrongPasswordIsRefusedWithAMessage(Window window) {
		Person person = newPerson();
		Browser browser = this.browsers.open(window, this.port).open("/login");
		signIn(browser, person.username(), "not-" + PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).contains("/login");
		assertThat(browser.text(By.cssSelector("main .alert-danger"))).isEqualTo("用户名或密码不正确。");

		browser.switchLanguage();
		signIn(browser, person.username(), "still-not-" + PASSWORD);
		assertThat(browser.text(By.cssSelector("main .alert-danger"))).isEqualTo("Wrong username or password.");
	}

	@ParameterizedTest
	@EnumSource(Window.class)
	void anUnknownPageAnswersNotFoundInBothLanguages(Window window) {
		Person person = newPerson();
		Browser browser = this.browsers.open(window, this.port).open("/login");
		signIn(browser, person.username(), PASSWORD);

		browser.open("/no-such-page-" + UUID.randomUUID());
		assertThat(browser.language()).isEqualTo("zh-CN");
		assertThat(browser.heading()).isEqualTo("页面不存在");
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("404");

		browser.switchLanguage();
		assertThat(browser.language()).isEqualTo("en");
		assertThat(browser.heading()).isEqualTo("Page not found");
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("404");
	}

	@ParameterizedTest
	@EnumSource(Window.class)
	void theSignInFormWorksWithTheKeyboardAlone(Window window) {
		Person person = newPerson();
		Browser browser = this.browsers.open(window, this.port).open("/login");
		WebDriver driver = browser.driver();
		// start the focus order from the top of the page, as a keyboard user arriving
		// there
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
				"document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex');");

		press(driver, Keys.TAB);
		assertThat(active(driver).getAttribute("class")).as("the first stop is the skip link").contains("skip-link");
		int tabs = 1;
		while (!"username".equals(active(driver).getAttribute("id")) && tabs < 15) {
			press(driver, Keys.TAB);
			tabs++;
		}
		assertThat(active(driver).getAttribute("id")).as("TAB reaches the username field").isEqualTo("username");
		press(driver, person.username());
		press(driver, Keys.TAB);
		assertThat(active(driver).getAttribute("id")).as("TAB moves on to the password").isEqualTo("password");
		press(driver, PASSWORD);
		WebElement html = driver.findElement(By.tagName("html"));
		press(driver, Keys.ENTER);
		browser.waitForNewPage(html);

		assertThat(browser.heading()).isEqualTo("欢迎，" + person.displayName());
	}

	private static void signIn(Browser browser, String username, String password) {
		WebDriver driver = browser.driver();
		WebElement field = driver.findElement(By.id("username"));
		field.clear();
		field.sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
	}

	private static WebElement active(WebDriver driver) {
		return driver.switchTo().activeElement();
	}

	private static void press(WebDriver driver, CharSequence keys) {
		active(driver).sendKeys(keys);
	}

	private Person newPerson() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Person person = new Person("browser-" + suffix, "浏览器 " + suffix);
		this.accounts.create(
				new NewAccount(person.username(), person.displayName(), null, PASSWORD, Set.of(Role.VOLUNTEER), false));
		return person;
	}

	record Person(String username, String displayName) {
	}

}
