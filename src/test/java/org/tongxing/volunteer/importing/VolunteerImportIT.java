package org.tongxing.volunteer.importing;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports through the upload page, as a unit admin: xlsx and CSV (UTF-8 and GBK), both
 * modes, the error report, re-import without duplicates, a failure in the middle, bad
 * files, invitations and the unit scope.
 */
@IntegrationTest
class VolunteerImportIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	ImportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	VolunteerFixture fixture;

	UnitId a;

	UnitId b;

	SignedInAccount adminOfA;

	@BeforeEach
	void units() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.a = this.fixture.unit(this.fixture.root(), "ImpA");
		this.b = this.fixture.unit(this.fixture.root(), "ImpB");
		this.adminOfA = this.fixture.adminOf(this.a);
	}

	@Test
	void aCsvImportsItsValidRowsReportsTheOthersAndInvitesTheImported() throws Exception {
		List<String> first = ImportFiles.validRow("李雷");
		List<String> second = ImportFiles.validRow("韩梅梅");
		List<String> badDate = ImportFiles.validRow("王五");
		badDate.set(2, "1990-13-45");
		List<String> blank = List.of("", "", "", "", "", "", "", "", "", "");
		ImportJob job = importFile("people.csv", ImportFiles.csv(rows(first, blank, second, badDate)),
				ImportMode.VALID_ROWS);

		assertThat(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
		assertThat(job.totalRows()).isEqualTo(3);
		assertThat(job.importedRows()).isEqualTo(2);
		assertThat(job.errorRows()).isEqualTo(1);
		assertThat(job.blankRows()).isEqualTo(1);
		assertThat(volunteer(email(first))).containsEntry("status", "ACTIVE")
			.containsEntry("source", "IMPORT")
			.containsEntry("unit_id", this.a.value());
		assertThat((String) volunteer(email(first)).get("number")).startsWith("TX");
		assertThat(volunteerCount(email(badDate))).isZero();

		String report = new String(
				this.mvc.perform(get("/volunteers/import/{id}/errors.csv", job.id()).with(user(this.adminOfA)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsByteArray(),
				StandardCharsets.UTF_8);
		assertThat(report).startsWith("\uFEFF行号,列,错误").contains("5,出生日期,日期“1990-13-45”无法识别");
		String english = this.mvc
			.perform(get("/volunteers/import/{id}/errors.csv", job.id()).param("lang", "en").with(user(this.adminOfA)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Row,Column,Error").contains("The date \"\"1990-13-45\"\" cannot be read");

		byte[] xlsxReport = this.mvc
			.perform(get("/volunteers/import/{id}/errors.xlsx", job.id()).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxReport))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("错误");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("5");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("出生日期");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).contains("1990-13-45");
		}

		awaitInvitations(job.id(), 2);
		assertThat(mailTo(email(first))).isNotNull();
		assertThat(mailTo(email(first)).getSubject()).isEqualTo("欢迎加入同行平台");
		assertThat(mailTo(email(badDate))).isNull();
	}

	@Test
	void importingTheSameFileAgainSkipsEveryoneAsRegistered() throws Exception {
		byte[] file = ImportFiles.csv(rows(ImportFiles.validRow("周一"), ImportFiles.validRow("周二")));
		assertThat(importFile("again.csv", file, ImportMode.VALID_ROWS).importedRows()).isEqualTo(2);

		ImportJob again = importFile("again.csv", file, ImportMode.ALL_OR_NOTHING);

		assertThat(again.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
		assertThat(again.importedRows()).isZero();
		assertThat(again.skippedRows()).isEqualTo(2);
		assertThat(again.errorRows()).isZero();
	}

	@Test
	void anXlsxWithTypedDatesImports() throws Exception {
		List<String> row = ImportFiles.validRow("吴三");
		ImportJob job = importFile("people.xlsx", ImportFiles.xlsx(rows(row)), ImportMode.VALID_ROWS);

		assertThat(job.format()).isEqualTo("XLSX");
		assertThat(job.importedRows()).isEqualTo(1);
		assertThat(volunteer(email(row))).containsEntry("birth_date", java.sql.Date.valueOf(row.get(2)));
	}

	@Test
	void allOrNothingImportsNobodyWhenOneRowIsWrong() throws Exception {
		List<String> good = ImportFiles.validRow("郑好");
		List<String> badId = ImportFiles.validRow("郑坏");
		badId.set(4, badId.get(4).substring(0, 17) + (badId.get(4).endsWith("0") ? "1" : "0"));
		ImportJob job = importFile("strict.xlsx", ImportFiles.xlsx(rows(good, badId)), ImportMode.ALL_OR_NOTHING);

		assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
		assertThat(job.importedRows()).isZero();
		assertThat(job.errorRows()).isEqualTo(1);
		assertThat(volunteerCount(email(good))).isZero();
		assertThat(this.jobs.firstErrors(job.id(), 10)).singleElement()
			.satisfies((error) -> assertThat(error.messageKey()).isEqualTo("volunteer.validation.idNumber.checkDigit"))
			.satisfies((error) -> assertThat(error.rowNumber()).isEqualTo(3));
	}

	@Test
	void theSameIdNumberTwiceInAFileIsAnErrorOnTheSecondRowAndATakenEmailToo() throws Exception {
		List<String> first = ImportFiles.validRow("钱一");
		List<String> twin = ImportFiles.validRow("钱二");
		twin.set(2, first.get(2));
		twin.set(4, first.get(4));
		List<String> takenEmail = ImportFiles.validRow("钱三");
		this.fixture.active(this.a, "已注册");
		String registeredEmail = this.jdbc.sql("select email from volunteer where unit_id = :unit")
			.param("unit", this.a.value())
			.query(String.class)
			.single();
		takenEmail.set(6, registeredEmail.toUpperCase());
		ImportJob job = importFile("dupes.csv", ImportFiles.csv(rows(first, twin, takenEmail)), ImportMode.VALID_ROWS);

		assertThat(job.importedRows()).isEqualTo(1);
		assertThat(job.errorRows()).isEqualTo(2);
		List<ImportJobs.RowError> errors = this.jobs.firstErrors(job.id(), 10);
		assertThat(errors)
			.extracting(ImportJobs.RowError::rowNumber, ImportJobs.RowError::column, ImportJobs.RowError::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "证件号码", "volunteerImport.row.duplicateIdNumber"),
					org.assertj.core.groups.Tuple.tuple(4, "电子邮箱", "volunteerImport.row.emailTaken"));
	}

	@Test
	void aRowThatFailsToSaveLeavesNoHalfOfItAndTheOthersStayWhole() throws Exception {
		List<String> before = ImportFiles.validRow("赵前");
		List<String> failing = ImportFiles.validRow("FAIL-" + this.fixture.tag);
		List<String> after = ImportFiles.validRow("赵后");
		installFailingTrigger();
		try {
			ImportJob job = importFile("halfway.csv", ImportFiles.csv(rows(before, failing, after)),
					ImportMode.VALID_ROWS);
			assertThat(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
			assertThat(job.importedRows()).isEqualTo(2);
			assertThat(job.errorRows()).isEqualTo(1);
			assertThat(this.jobs.firstErrors(job.id(), 10)).singleElement()
				.satisfies((error) -> assertThat(error.messageKey()).isEqualTo("volunteerImport.row.saveFailed"));
			// the account is created before the volunteer in the row's transaction: it is
			// gone too
			assertThat(this.accounts.findByUsername(email(failing))).isEmpty();
			assertThat(volunteerCount(email(before)) + volunteerCount(email(after))).isEqualTo(2);

			List<String> first = ImportFiles.validRow("孙前");
			List<String> failingAgain = ImportFiles.validRow("FAIL-" + this.fixture.tag + "b");
			ImportJob strict = importFile("halfway-strict.csv", ImportFiles.csv(rows(first, failingAgain)),
					ImportMode.ALL_OR_NOTHING);
			assertThat(strict.status()).isEqualTo(ImportJob.Status.FAILED);
			assertThat(strict.failureKey()).isEqualTo("volunteerImport.failure.rowFailed");
			assertThat(strict.failureArgs()).containsExactly("3");
			assertThat(strict.importedRows()).isZero();
			assertThat(this.accounts.findByUsername(email(first))).isEmpty();
			assertThat(volunteerCount(email(first))).isZero();
		}
		finally {
			this.jdbc.sql("drop trigger if exists import_it_fail on volunteer").update();
		}
	}

	@Test
	void wrongOrMissingHeadersFailTheJobWithTheMissingColumns() throws Exception {
		ImportJob noHeader = importFile("data.csv", ImportFiles.csv(List.of(List.of("foo", "bar"), List.of("1", "2"))),
				ImportMode.VALID_ROWS);
		assertThat(noHeader.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(noHeader.failureKey()).isEqualTo("volunteerImport.file.noHeader");

		ImportJob missing = importFile("data.csv",
				ImportFiles.csv(List.of(List.of("姓名", "性别", "出生日期"), List.of("张", "男", "1990-01-01"))),
				ImportMode.VALID_ROWS);
		assertThat(missing.failureKey()).isEqualTo("volunteerImport.file.missingColumns");
		assertThat(missing.failureArgs()).containsExactly("证件号码、手机号码、电子邮箱");

		ImportJob headerOnly = importFile("data.csv", ImportFiles.csv(List.of(ImportFiles.HEADERS)),
				ImportMode.VALID_ROWS);
		assertThat(headerOnly.failureKey()).isEqualTo("volunteerImport.file.noRows");
	}

	@Test
	void englishHeadersInAnyOrderAreAccepted() throws Exception {
		List<String> row = ImportFiles.validRow("Anna");
		List<String> headers = List.of("Email", "Name", "Sex", "Date of birth", "ID number", "Mobile phone");
		ImportJob job = importFile("english.csv",
				ImportFiles.csv(List.of(headers,
						List.of(row.get(6), row.get(0), "Female", row.get(2), row.get(4), row.get(5)))),
				ImportMode.VALID_ROWS);
		assertThat(job.importedRows()).isEqualTo(1);
	}

	@Test
	void aGbkCsvFromChineseExcelIsReadAsGbk() throws Exception {
		List<String> row = ImportFiles.validRow("欧阳娜娜");
		ImportJob job = importFile("gbk.csv", ImportFiles.csv(rows(row), Charset.forName("GBK"), false),
				ImportMode.VALID_ROWS);
		assertThat(job.importedRows()).isEqualTo(1);
		assertThat(volunteer(email(row))).containsEntry("name", "欧阳娜娜");
	}

	@Test
	void aFileThatIsNoSpreadsheetIsRefusedAtUpload() throws Exception {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		String page = upload("people.xlsx", png, ImportMode.VALID_ROWS).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("这个文件不是 xlsx 或 CSV 表格");

		String empty = upload("people.csv", new byte[0], ImportMode.VALID_ROWS).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(empty).contains("请选择要上传的文件");
	}

	@Test
	void aZipBombIsRefused() throws Exception {
		byte[] bomb = ImportFiles.zipBomb(rows(ImportFiles.validRow("炸弹")));
		assertThat(bomb.length).isLessThan(1024 * 1024);
		ImportJob job = importFile("bomb.xlsx", bomb, ImportMode.VALID_ROWS);
		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(job.failureKey()).isEqualTo("volunteerImport.file.zipBomb");
	}

	@Test
	void theTemplatesHaveTheChineseHeadersAndTheirExampleRowPassesTheRules() throws Exception {
		byte[] xlsx = this.mvc.perform(get("/volunteers/import/template.xlsx").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名*");
			assertThat(workbook.getSheetAt(1).getRow(2).getCell(0).getStringCellValue()).contains("yyyy-MM-dd");
		}
		String csv = this.mvc.perform(get("/volunteers/import/template.csv").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF姓名*,性别*,出生日期*");
		// the template's own header row and example row (with a unique email and ID)
		// import
		List<String> lines = new ArrayList<>(Arrays.asList(csv.substring(1).split("\r\n")));
		List<String> example = new ArrayList<>(Arrays.asList(lines.get(1).split(",", -1)));
		List<String> mine = ImportFiles.validRow("样例");
		example.set(4, mine.get(4));
		example.set(2, mine.get(2));
		example.set(6, mine.get(6));
		byte[] file = (lines.get(0) + "\r\n" + String.join(",", example) + "\r\n").getBytes(StandardCharsets.UTF_8);
		ImportJob job = importFile("template.csv", file, ImportMode.ALL_OR_NOTHING);
		assertThat(job.importedRows()).isEqualTo(1);
	}

	@Test
	void anAdminImportsOnlyIntoTheirSubtreeAndSeesOnlyItsJobs() throws Exception {
		upload("people.csv", ImportFiles.csv(rows(ImportFiles.validRow("越界"))), ImportMode.VALID_ROWS, this.b,
				this.adminOfA)
			.andExpect(status().isNotFound());
		SignedInAccount adminOfB = this.fixture.adminOf(this.b);
		ImportJob job = importFile("mine.csv", ImportFiles.csv(rows(ImportFiles.validRow("本单位"))),
				ImportMode.VALID_ROWS);
		this.mvc.perform(get("/volunteers/import/{id}", job.id()).with(user(adminOfB)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/volunteers/import/{id}/errors.csv", job.id()).with(user(adminOfB)))
			.andExpect(status().isNotFound());
		SignedInAccount volunteer = this.fixture.account("plain", Role.VOLUNTEER);
		this.mvc.perform(get("/volunteers/import").with(user(volunteer))).andExpect(status().isForbidden());
	}

	@Test
	void theJobPageShowsTheSummaryAndItsFragmentStopsPollingWhenDone() throws Exception {
		ImportJob job = importFile("page.csv", ImportFiles.csv(rows(ImportFiles.validRow("页面"))),
				ImportMode.VALID_ROWS);
		String page = this.mvc.perform(get("/volunteers/import/{id}", job.id()).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("已完成").contains("id=\"import-imported\">1<");
		String fragment = this.mvc
			.perform(get("/volunteers/import/{id}", job.id()).header("HX-Request", "true").with(user(this.adminOfA)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).startsWith("<div")
			.contains("import-status")
			.doesNotContain("hx-trigger")
			.doesNotContain("<html");
	}

	@Test
	void aJobWhoseNodeStoppedReportingIsMarkedFailedAndThatNodeMayNotGoOn() throws Exception {
		long id = this.jobs.create(this.a.value(), this.adminOfA.id().value(), "lost.csv", SpreadsheetReader.Format.CSV,
				ImportMode.VALID_ROWS, "zh-CN", "dead-node");
		this.jdbc.sql("""
				update volunteer_import_job set status = 'IMPORTING', heartbeat_at = now() - interval '1 hour'
				where id = :id""").param("id", id).update();

		String page = this.mvc.perform(get("/volunteers/import/{id}", id).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		ImportJob job = this.jobs.find(id).orElseThrow();
		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(job.failureKey()).isEqualTo("volunteerImport.failure.interrupted");
		assertThat(page).contains("处理该导入的服务器停止了响应");
		assertThatExceptionOfType(ImportStoppedException.class).isThrownBy(
				() -> this.jobs.progress(id, "dead-node", ImportJob.Status.IMPORTING, null, new ImportJobs.Counts()));
	}

	@Test
	void anUploadOverTheServersLimitShowsTheFormWithAClearMessage() throws Exception {
		String page = this.mvc.perform(get("/volunteers/import").param("tooLarge", "").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("文件超过 50 MB，请分成几个文件导入。");
	}

	// --- helpers ---

	private ImportJob importFile(String name, byte[] content, ImportMode mode) throws Exception {
		MvcResult result = upload(name, content, mode).andExpect(status().is3xxRedirection()).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			ImportJob job = this.jobs.find(id).orElseThrow();
			if (job.isFinished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Import job " + id + " did not finish");
	}

	private org.springframework.test.web.servlet.ResultActions upload(String name, byte[] content, ImportMode mode)
			throws Exception {
		return upload(name, content, mode, this.a, this.adminOfA);
	}

	private org.springframework.test.web.servlet.ResultActions upload(String name, byte[] content, ImportMode mode,
			UnitId unit, SignedInAccount account) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/volunteers/import");
		request.file(new MockMultipartFile("file", name, "application/octet-stream", content));
		return this.mvc.perform(request.param("unitId", String.valueOf(unit.value()))
			.param("mode", mode.name())
			.param("consentConfirmed", "true")
			.with(user(account))
			.with(csrf()));
	}

	@SafeVarargs
	private static List<List<String>> rows(List<String>... rows) {
		List<List<String>> all = new ArrayList<>();
		all.add(ImportFiles.HEADERS);
		all.addAll(Arrays.asList(rows));
		return all;
	}

	private static String email(List<String> row) {
		return row.get(6);
	}

	private java.util.Map<String, Object> volunteer(String email) {
		return this.jdbc.sql("select * from volunteer where lower(email) = lower(:email)")
			.param("email", email)
			.query()
			.singleRow();
	}

	private long volunteerCount(String email) {
		return this.jdbc.sql("select count(*) from volunteer where lower(email) = lower(:email)")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private void installFailingTrigger() {
		this.jdbc.sql("""
				create or replace function import_it_fail() returns trigger language plpgsql as $$
				begin
					if new.name like 'FAIL-%' then
						raise exception 'injected failure for the import test';
					end if;
					return new;
				end $$""").update();
		this.jdbc.sql("drop trigger if exists import_it_fail on volunteer").update();
		this.jdbc.sql(
				"create trigger import_it_fail before insert on volunteer for each row execute function import_it_fail()")
			.update();
	}

	private void awaitInvitations(long jobId, int count) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline) && this.jobs.find(jobId).orElseThrow().invitationsSent() < count) {
			Thread.sleep(100);
		}
		assertThat(this.jobs.find(jobId).orElseThrow().invitationsSent()).isEqualTo(count);
	}

	private MimeMessage mailTo(String address) throws Exception {
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((to) -> to.toString().equalsIgnoreCase(address))) {
				return message;
			}
		}
		return null;
	}

}
