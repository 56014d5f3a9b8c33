package org.tongxing.browser;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two journeys of the platform foundation: a coordinator creates a unit and appoints
 * its admin; that admin signs in and sees their subtree and nothing else. On a desktop
 * and on a phone, every page checked with axe-core.
 */
@IntegrationTest
class UnitTreeBrowserIT {

	static final String DEMO_PASSWORD = "tongxing-demo-2026";

	static final String ADMIN_PASSWORD = "Harbour-light-2026";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(Window.class)
	void aCoordinatorCreatesAUnitAndAppointsItsAdminWhoThenSeesOnlyTheirSubtree(Window window) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String adminUsername = "unitadmin-" + suffix;
		this.accounts.create(new NewAccount(adminUsername, "李同行" + suffix, adminUsername + "@example.org",
				ADMIN_PASSWORD, Set.of(Role.VOLUNTEER), false));
		long rootId = this.jdbc.sql("select id from unit where parent_id is null").query(Long.class).single();
		String unitName = "青年志愿者服务队" + suffix;
		String groupName = "周末志愿者小组" + suffix;

		// (1) the coordinator
		Browser coordinator = this.browsers.open(window, this.port).open("/login");
		signIn(coordinator, "coordinator", DEMO_PASSWORD);
		coordinator.open("/units");
		assertThat(wholeText(coordinator, "unit-tree")).contains("外交部青年志愿者协会", "非洲司", "吾心社");

		coordinator.open("/units/new?parent=" + rootId);
		fillUnitForm(coordinator, unitName, "DEPARTMENT");
		assertThat(coordinator.text(By.id("unit-name"))).isEqualTo(unitName);

		WebDriver driver = coordinator.driver();
		driver.findElement(By.id("admin-username")).sendKeys(adminUsername);
		coordinator.clickAndLoad(By.id("appoint-admin-submit"));
		assertThat(coordinator.text(By.id("unit-admins"))).contains("李同行" + suffix);

		coordinator.clickAndLoad(By.id("unit-new-child"));
		fillUnitForm(coordinator, groupName, "VOLUNTEER_GROUP");
		assertThat(coordinator.text(By.id("unit-name"))).isEqualTo(groupName);
		assertThat(coordinator.text(By.id("unit-breadcrumb"))).contains(unitName);

		// (2) the admin they appointed
		Browser admin = this.browsers.open(window, this.port).open("/login");
		signIn(admin, adminUsername, ADMIN_PASSWORD);
		admin.open("/units");
		// the whole tree, collapsed branches included
		String tree = wholeText(admin, "unit-tree");
		assertThat(tree).contains(unitName, groupName).doesNotContain("外交部青年志愿者协会", "非洲司", "吾心社");

		admin.open("/units/" + rootId);
		assertThat(admin.heading()).isEqualTo("页面不存在");
		long africa = this.jdbc.sql("select id from unit where name = '非洲司'").query(Long.class).single();
		admin.open("/units/" + africa);
		assertThat(admin.heading()).isEqualTo("页面不存在");
	}

	/**
	 * Text of the element and everything in it, also inside collapsed {@code <details>}.
	 */
	private static String wholeText(Browser browser, String id) {
		return browser.driver().findElement(By.id(id)).getDomProperty("textContent");
	}

	private static void fillUnitForm(Browser browser, String name, String type) {
		WebDriver driver = browser.driver();
		driver.findElement(By.id("name")).sendKeys(name);
		new Select(driver.findElement(By.id("type"))).selectByValue(type);
		browser.clickAndLoad(By.id("unit-form-submit"));
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
