package org.tongxing.planning;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.browser.Browser;
import org.tongxing.browser.Browsers;
import org.tongxing.browser.Window;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxing.planning.PlanningFixture.SYSTEM;

/**
 * A coordinator reads a plan with its progress; a unit admin proposes an activity into
 * one of its campaigns and sees it waiting; the coordinator finds it in the queue. On a
 * phone and a desktop, every page checked with axe-core.
 */
@IntegrationTest
class PlanningBrowserIT {

	static final String DEMO_PASSWORD = "tongxing-demo-2026";

	static final String ADMIN_PASSWORD = "Harbour-light-2026";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Plans plans;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@ParameterizedTest
	@EnumSource(Window.class)
	void aCoordinatorReadsThePlanAndAUnitAdminProposesIntoACampaign(Window window) {
		PlanningFixture.Sample sample = new PlanningFixture(this.plans).sample();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UnitId root = this.units.list(SYSTEM).stream().filter((u) -> u.isRoot()).findFirst().orElseThrow().id();
		UnitId unit = this.units.create(SYSTEM, root,
				UnitDetails.of("读书会" + suffix, "Reading club " + suffix, UnitType.DEPARTMENT));
		String username = "planadmin-" + suffix;
		AccountId admin = this.accounts.create(new NewAccount(username, "王同行" + suffix, username + "@example.org",
				ADMIN_PASSWORD, Set.of(Role.VOLUNTEER), false));
		this.units.appointAdmin(SYSTEM, unit, admin);

		Browser coordinator = this.browsers.open(window, this.port).open("/login");
		signIn(coordinator, "coordinator", DEMO_PASSWORD);
		coordinator.open("/plans");
		assertThat(coordinator.heading()).isEqualTo("年度计划");
		coordinator.open("/plans/" + sample.year());
		assertThat(coordinator.heading()).isEqualTo(sample.year() + " 年度计划");
		assertThat(coordinator.text(By.id("level-INTERNAL"))).contains("部内", "友爱互助", "有事儿您说话", "0 / 20", "0 / 150.5");
		assertThat(coordinator.text(By.id("level-SOCIETY"))).contains("社会", "外交为民", "走进高校");
		coordinator.clickAndLoad(By.id("plan-edit"));
		assertThat(coordinator.driver().findElement(By.id("copy-form")).isDisplayed()).isTrue();

		Browser proposer = this.browsers.open(window, this.port).open("/login");
		signIn(proposer, username, ADMIN_PASSWORD);
		proposer.open("/plans/" + sample.year());
		proposer.clickAndLoad(By.id("campaign-" + sample.talk() + "-propose"));
		assertThat(proposer.heading()).isEqualTo("提议活动");
		WebDriver driver = proposer.driver();
		driver.findElement(By.id("title")).sendKeys("世界读书日义卖" + suffix);
		driver.findElement(By.id("summary")).sendKeys("在读书节上义卖图书");
		driver.findElement(By.id("expectedParticipants")).sendKeys("15");
		proposer.clickAndLoad(By.id("proposal-form-submit"));
		assertThat(proposer.heading()).isEqualTo("世界读书日义卖" + suffix);
		assertThat(proposer.text(By.id("proposal-status"))).isEqualTo("待审核");
		assertThat(proposer.text(By.id("proposal-unit"))).isEqualTo("读书会" + suffix);

		coordinator.open("/proposals?status=PROPOSED");
		assertThat(coordinator.text(By.id("proposals-table"))).contains("世界读书日义卖" + suffix);
		coordinator.open("/plans/" + sample.year());
		assertThat(coordinator.text(By.id("campaign-" + sample.talk()))).contains("世界读书日义卖" + suffix, "待审核");
	}

	@ParameterizedTest
	@EnumSource(Window.class)
	void aCoordinatorMovesAThemeUpByKeyboardAndTheOrderHolds(Window window) {
		PlanningFixture.Sample sample = new PlanningFixture(this.plans).sample();
		ThemeId road = this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "一路同行", null);
		String up = "theme-" + road.value() + "-move-UP";
		String down = "theme-" + road.value() + "-move-DOWN";
		By firstTheme = By.cssSelector("#edit-level-INTERNAL .card h3");

		Browser coordinator = this.browsers.open(window, this.port).open("/login");
		signIn(coordinator, "coordinator", DEMO_PASSWORD);
		coordinator.open("/plans/" + sample.year() + "/edit");
		WebDriver driver = coordinator.driver();
		assertThat(driver.findElement(By.id(up)).getAttribute("aria-label")).isEqualTo("上移“一路同行”");
		assertThat(driver.findElement(By.id(down)).isEnabled()).isFalse();
		assertThat(coordinator.text(firstTheme)).isEqualTo("友爱互助");
		// the campaign tables fit their wrappers (a hidden caption once added a
		// scrollbar)
		Object overflowing = ((JavascriptExecutor) driver).executeScript(
				"return Array.from(document.querySelectorAll('.table-responsive')).filter(t => t.scrollHeight > t.clientHeight).length;");
		assertThat(((Number) overflowing).intValue()).isZero();
		WebElement html = driver.findElement(By.tagName("html"));

		driver.findElement(By.id(up)).sendKeys(Keys.ENTER);

		// htmx replaces the elements while they are read
		coordinator.waiting()
			.ignoring(StaleElementReferenceException.class)
			.until((d) -> "一路同行".equals(d.findElement(firstTheme).getText().trim()));
		// htmx swapped the levels in place: the page is the same one
		assertThat(html.isDisplayed()).isTrue();
		// first now, so "up" is disabled and the keyboard is on "down" of the same theme
		coordinator.waiting()
			.ignoring(StaleElementReferenceException.class)
			.until((d) -> !d.findElement(By.id(up)).isEnabled());
		coordinator.waiting()
			.until((d) -> down.equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
		coordinator.waiting()
			.ignoring(StaleElementReferenceException.class)
			.until((d) -> "“一路同行”已上移一位。".equals(d.findElement(By.id("plan-moved-live")).getAttribute("textContent")));
		coordinator.checkAccessibility();

		coordinator.open("/plans/" + sample.year());
		String internal = coordinator.text(By.id("level-INTERNAL"));
		assertThat(internal.indexOf("一路同行")).isLessThan(internal.indexOf("友爱互助"));
	}

	private static void signIn(Browser browser, String username, String password) {
		WebDriver driver = browser.driver();
		WebElement field = driver.findElement(By.id("username"));
		field.clear();
		field.sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
	}

}
