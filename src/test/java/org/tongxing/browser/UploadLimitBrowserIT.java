package org.tongxing.browser;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over the upload limit: the browser refuses it before sending, with the limit in
 * the message and the typed values still on the form; a browser that sends it anyway gets
 * the "file too large" page rather than a bare status.
 */
@IntegrationTest
class UploadLimitBrowserIT {

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

	@TempDir
	Path files;

	@Test
	void aFileOverTheLimitIsRefusedOnTheFormAndTheTypedValuesStay() throws IOException {
		Browser browser = signedInVolunteerOnTheDeclarationForm();
		WebDriver driver = browser.driver();
		driver.findElement(By.id("activityName")).sendKeys("社区义诊");
		driver.findElement(By.id("evidence")).sendKeys(tooLarge().toString());
		submit(browser);

		assertThat(driver.getCurrentUrl()).endsWith("/me/hours/declare");
		assertThat(driver.findElement(By.id("evidence")).getDomProperty("validationMessage")).contains("61 MB");
		assertThat(driver.findElement(By.id("activityName")).getDomProperty("value")).isEqualTo("社区义诊");
	}

	@Test
	void aBrowserThatSendsItAnywayGetsTheFileTooLargePage() throws IOException {
		Browser browser = signedInVolunteerOnTheDeclarationForm();
		WebDriver driver = browser.driver();
		// as a browser without scripts would: nothing checks the size before sending
		((JavascriptExecutor) driver).executeScript("document.querySelector('meta[name=\"upload-limit\"]').remove();");
		driver.findElement(By.id("activityName")).sendKeys("社区义诊");
		driver.findElement(By.id("evidence")).sendKeys(tooLarge().toString());
		WebElement html = driver.findElement(By.tagName("html"));
		submit(browser);
		browser.waitForNewPage(html);

		assertThat(browser.heading()).isEqualTo("文件太大");
		assertThat(browser.text(By.cssSelector("main p"))).contains("61 MB");
		browser.checkAccessibility();
	}

	private Browser signedInVolunteerOnTheDeclarationForm() {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = people.unit(people.root(), "upload-limit");
		VolunteerId id = people.applicant(unit, "林晓岚");
		this.volunteers.approve(ServiceRecordFixture.SYSTEM, id);
		String email = this.volunteers.get(ServiceRecordFixture.SYSTEM, id).email();
		Browser browser = this.browsers.open(Window.PHONE, this.port).open("/login");
		browser.driver().findElement(By.id("username")).sendKeys(email);
		browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
		return browser.open("/me/hours/declare");
	}

	private static void submit(Browser browser) {
		WebElement button = browser.driver().findElement(By.cssSelector("#myhours-declare-form button[type=submit]"));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				button);
		button.click();
	}

	/**
	 * A sparse file a little over the 61 MB request limit: nothing is written to the
	 * disk.
	 */
	private Path tooLarge() throws IOException {
		Path file = Files.createFile(this.files.resolve("scan.pdf"));
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			out.setLength(62L * 1024 * 1024);
		}
		return file;
	}

}
