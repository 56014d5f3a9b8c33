package org.tongxing.servicerecord.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.notification.NotificationTestSupport;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.WorkingCalendar;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reports of service records: the annual duty report (page and xlsx), the
 * national-fields export (xlsx and CSV: standing hours after a correction, masked ID
 * numbers only, only the unit's records, no formulas), the volunteer's own export and
 * stars, the working-day calendar page (coordinators only) and the star-level
 * congratulation.
 */
@IntegrationTest
class ReportsIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

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

	@Autowired
	CheckIns checkIns;

	@Autowired
	ServiceRecords records;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	AnnualDuty annualDuty;

	@Autowired
	Preferences preferences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	ServiceRecordFixture fixture;

	VolunteerFixture people;

	NotificationTestSupport notifications;

	UnitId unit;

	AccountId recorder;

	@BeforeEach
	void setUp() {
		this.people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ActivityFixture activityFixture = new ActivityFixture(this.people, this.activities, this.volunteers);
		this.fixture = new ServiceRecordFixture(activityFixture, this.activities, this.signUps, this.checkIns);
		this.notifications = new NotificationTestSupport(this.volunteers, this.preferences, this.jdbc, this.mail);
		this.unit = this.people.unit(this.people.root(), "报表");
		this.recorder = this.people.account("recorder").id();
	}

	@Test
	void theAnnualDutyReportListsVolunteersUnderTheYearlyHoursAndNotThoseAbove() throws Exception {
		UnitId group = this.people.unit(this.unit, "小组");
		Running running = this.fixture.session(group, "年度服务", Duration.ofHours(3), Duration.ofHours(4));
		AccountId few = this.fixture.attendee(running, group, "少时长");
		AccountId many = this.fixture.attendee(running, group, "多时长");
		AccountId none = this.fixture.activities.volunteer(this.unit, "零时长");
		confirmed(running, few, "5");
		confirmed(running, many, "25");
		int year = LocalDate.now(ZONE).getYear();

		AnnualDuty.Report report = this.annualDuty.report(ServiceRecordFixture.SYSTEM, this.unit, year);
		VolunteerView fewView = this.fixture.activities.volunteerOf(few);
		VolunteerView manyView = this.fixture.activities.volunteerOf(many);
		VolunteerView noneView = this.fixture.activities.volunteerOf(none);
		assertThat(report.units()).extracting((lines) -> lines.unit().id()).containsExactly(this.unit, group);
		AnnualDuty.UnitLines groupLines = report.units().get(1);
		assertThat(groupLines.total()).isEqualTo(2);
		assertThat(groupLines.under()).singleElement().satisfies((line) -> {
			assertThat(line.volunteer()).isEqualTo(fewView.id());
			assertThat(line.hours()).isEqualByComparingTo("5");
			assertThat(line.number()).isEqualTo(fewView.number());
		});
		assertThat(report.units().get(0).under()).extracting(AnnualDuty.Line::volunteer).containsExactly(noneView.id());

		SignedInAccount admin = this.people.adminOf(this.unit);
		String page = this.mvc
			.perform(get("/reports/annual-duty").param("year", String.valueOf(year))
				.param("unit", String.valueOf(this.unit.value()))
				.with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(fewView.name(), fewView.number(), noneView.name())
			.doesNotContain(manyView.name())
			.doesNotContain(manyView.number());

		byte[] xlsx = this.mvc
			.perform(get("/reports/annual-duty.xlsx").param("year", String.valueOf(year))
				.param("unit", String.valueOf(this.unit.value()))
				.with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = rows(xlsx, 0);
		assertThat(rows).contains(List.of(this.units.get(ServiceRecordFixture.SYSTEM, group).name(), fewView.number(),
				fewView.name(), "5"));
		assertThat(rows).noneMatch((row) -> row.contains(manyView.name()));

		// an admin of another unit does not see this one; a plain volunteer sees no
		// report
		SignedInAccount stranger = this.people.adminOf(this.people.unit(this.people.root(), "别处"));
		this.mvc
			.perform(get("/reports/annual-duty").param("unit", String.valueOf(this.unit.value())).with(user(stranger)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/reports/annual-duty").with(user(this.people.principal(few))))
			.andExpect(status().isForbidden());
	}

	@Test
	void theNationalExportHoldsTheStandingHoursMaskedIdsAndOnlyTheUnitsRecords() throws Exception {
		VolunteerDetails details = VolunteerFixture.adult(this.unit, "导出者");
		VolunteerId volunteerId = this.volunteers.register(new NewVolunteer(details, Consents.current(true, true),
				NewVolunteer.ADMIN, null, null, Locale.SIMPLIFIED_CHINESE));
		VolunteerView volunteer = this.volunteers.views(Set.of(volunteerId)).get(volunteerId);
		Running running = this.fixture.session(this.unit, "=HYPERLINK(\"http://x\")", Duration.ofHours(3),
				Duration.ofHours(4));
		this.fixture.place(running, volunteer.accountId());
		long entryId = confirmed(running, volunteer.accountId(), "2");
		long correction = this.records.requestCorrection(volunteer.accountId(), entryId, new BigDecimal("3.5"), "讲解与引导",
				"签退晚了");
		this.records.confirm(ServiceRecordFixture.SYSTEM, correction, this.recorder);

		UnitId other = this.people.unit(this.people.root(), "外单位");
		Running elsewhere = this.fixture.session(other, "外单位的活动", Duration.ofHours(3), Duration.ofHours(4));
		AccountId outsider = this.fixture.attendee(elsewhere, other, "外单位志愿者");
		confirmed(elsewhere, outsider, "1");

		SignedInAccount admin = this.people.adminOf(this.unit);
		LocalDate today = LocalDate.now(ZONE);
		byte[] xlsx = this.mvc
			.perform(get("/records/export").param("unit", String.valueOf(this.unit.value()))
				.param("from", today.minusDays(1).toString())
				.param("to", today.plusDays(1).toString())
				.param("format", "xlsx")
				.with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = rows(xlsx, 0);
		assertThat(rows.get(0)).isEqualTo(NationalColumns.HEADERS);
		assertThat(rows).hasSize(2);
		List<String> row = rows.get(1);
		assertThat(row.get(0)).isEqualTo(volunteer.number());
		assertThat(row.get(1)).isEqualTo(volunteer.name());
		assertThat(row.get(2)).isEqualTo("居民身份证");
		assertThat(row.get(3)).isEqualTo(volunteer.idNumberMasked()).isNotEqualTo(details.idNumber());
		assertThat(row.get(4)).isEqualTo("'=HYPERLINK(\"http://x\")");
		// the session started three hours ago: near midnight that is yesterday
		assertThat(row.get(5)).isEqualTo(running.startsAt().atZone(ZONE).toLocalDate().toString());
		assertThat(row.get(7)).isEqualTo("讲解与引导");
		assertThat(row.get(8)).isEqualTo("3.5");
		assertThat(row.get(10)).isEqualTo("王老师");
		assertThat(row.get(14)).contains("已更正");
		assertThat(row.get(15)).isEqualTo(String.valueOf(entryId));
		assertThat(String.join("|", rows.stream().flatMap(List::stream).toList())).doesNotContain(details.idNumber())
			.doesNotContain("外单位的活动");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Cell name = workbook.getSheetAt(0).getRow(1).getCell(4);
			assertThat(name.getCellType()).isEqualTo(CellType.STRING);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
		}

		byte[] csv = this.mvc
			.perform(get("/records/export").param("unit", String.valueOf(this.unit.value()))
				.param("from", today.minusDays(1).toString())
				.param("to", today.plusDays(1).toString())
				.param("format", "csv")
				.with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8).substring(1);
		assertThat(text).doesNotContain(details.idNumber()).doesNotContain("外单位的活动");
		List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).toList()).isEqualTo(NationalColumns.HEADERS);
		assertThat(records.get(1).toList()).contains(volunteer.number(), volunteer.idNumberMasked(),
				"'=HYPERLINK(\"http://x\")", "讲解与引导", "3.5", String.valueOf(entryId));

		// the form, kept with its message when the period is wrong; only admins
		this.mvc.perform(get("/records/export").with(user(admin))).andExpect(status().isOk());
		String form = this.mvc
			.perform(get("/records/export").param("unit", String.valueOf(this.unit.value()))
				.param("from", today.toString())
				.param("to", today.minusDays(3).toString())
				.param("format", "csv")
				.with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("结束日期不能早于开始日期", "value=\"" + today.minusDays(3) + "\"");
		this.mvc.perform(get("/records/export").with(user(this.people.principal(outsider))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/records/export").param("unit", String.valueOf(other.value()))
				.param("from", today.toString())
				.param("to", today.toString())
				.param("format", "csv")
				.with(user(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aVolunteerExportsTheirOwnHistoryWithTheRules() throws Exception {
		Running running = this.fixture.session(this.unit, "个人导出", Duration.ofHours(3), Duration.ofHours(4));
		AccountId account = this.fixture.attendee(running, this.unit, "自己");
		this.fixture.attend(running, account, running.startsAt(), running.startsAt().plus(Duration.ofMinutes(100)));
		SignedInAccount me = this.people.principal(account);

		byte[] xlsx = this.mvc.perform(get("/me/hours/export.xlsx").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = rows(xlsx, 0);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).contains("个人导出", "待确认", "1.5").anyMatch((cell) -> cell.startsWith("按取整规则计"));

		byte[] csv = this.mvc.perform(get("/me/hours/export.csv").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(csv, StandardCharsets.UTF_8)).contains("个人导出", "按取整规则计");
	}

	@Test
	void aCoordinatorAddsAMakeUpDayAndTheDeadlineMovesButAUnitAdminMayNot() throws Exception {
		SignedInAccount coordinator = this.people.account("coordinator", Role.COORDINATOR);
		// Friday 7 January 2033: ten working days later is Friday 21 January
		LocalDate friday = LocalDate.of(2033, 1, 7);
		LocalDate saturday = friday.plusDays(1);
		assertThat(this.calendar.dueOn(friday)).isEqualTo(LocalDate.of(2033, 1, 21));

		this.mvc
			.perform(post("/settings/working-days").param("day", saturday.toString())
				.param("working", "true")
				.param("name", "测试调休上班")
				.with(user(coordinator))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.calendar.dueOn(friday)).isEqualTo(LocalDate.of(2033, 1, 20));
		String page = this.mvc.perform(get("/settings/working-days").param("year", "2033").with(user(coordinator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("测试调休上班", "id=\"day-2033-01-08\"", "data-kind=\"MAKEUP\"", "10 个工作日");

		this.mvc.perform(
				post("/settings/working-days").param("day", "").param("name", "").with(user(coordinator)).with(csrf()))
			.andExpect(status().isOk());

		SignedInAccount admin = this.people.adminOf(this.unit);
		this.mvc.perform(get("/settings/working-days").with(user(admin))).andExpect(status().isForbidden());
		this.mvc.perform(
				post("/settings/working-days/remove").param("day", saturday.toString()).with(user(admin)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.calendar.dueOn(friday)).isEqualTo(LocalDate.of(2033, 1, 20));

		this.mvc
			.perform(post("/settings/working-days/remove").param("day", saturday.toString())
				.with(user(coordinator))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.calendar.dueOn(friday)).isEqualTo(LocalDate.of(2033, 1, 21));
	}

	@Test
	void reachingAStarLevelSendsACongratulationAndTheStarsShowIt() throws Exception {
		VolunteerView volunteer = this.notifications.volunteer(this.unit, "星级者");
		Running running = this.fixture.session(this.unit, "百小时", Duration.ofHours(3), Duration.ofHours(4));
		this.fixture.place(running, volunteer.accountId());
		confirmed(running, volunteer.accountId(), "100");

		assertThat(this.notifications.inApp(volunteer.accountId(), "STAR_LEVEL"))
			.anyMatch((title) -> title.contains("1 星"));
		assertThat(this.notifications.mailTo(volunteer.email(), (subject) -> subject.contains("1 星")).body())
			.contains("100");

		String stars = this.mvc
			.perform(get("/me/stars").header("HX-Request", "true")
				.with(user(this.people.principal(volunteer.accountId()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String noStars = this.mvc
			.perform(get("/me/stars").header("HX-Request", "true")
				.with(user(this.people.account("staff", Role.COORDINATOR))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(noStars).contains("stars-none").doesNotContain("data-level");
		assertThat(stars).doesNotContain("<html")
			.contains("data-level=\"1\"", "aria-label=\"1 星志愿者", "已确认服务时长 100 小时", "再服务 200 小时可达 2 星");
	}

	/**
	 * Attends the session, sets the pending entry's hours and confirms it; returns the
	 * entry.
	 */
	private long confirmed(Running running, AccountId account, String hours) {
		this.fixture.attend(running, account, running.startsAt(), running.startsAt().plus(Duration.ofHours(1)));
		VolunteerId volunteer = this.fixture.volunteerId(account);
		EntryView entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session())
			.stream()
			.filter((e) -> e.volunteer().equals(volunteer))
			.findFirst()
			.orElseThrow();
		this.records.adjust(ServiceRecordFixture.SYSTEM, entry.id(), new BigDecimal(hours), "测试", this.recorder);
		this.records.confirm(ServiceRecordFixture.SYSTEM, entry.id(), this.recorder);
		return entry.id();
	}

	/** The sheet's rows as the texts a reader sees (numbers without trailing zeros). */
	private static List<List<String>> rows(byte[] xlsx, int sheetIndex) throws IOException {
		DataFormatter formatter = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(sheetIndex);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					Cell cell = row.getCell(i);
					cells.add((cell == null) ? "" : formatter.formatCellValue(cell));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

}
