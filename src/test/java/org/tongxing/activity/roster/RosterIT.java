package org.tongxing.activity.roster;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.Approval;
import org.tongxing.activity.ParticipantsMessaged;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUpId;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.shared.pdf.CjkFonts;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roster of a session as its organisers use it: grouped sign-ups with masked
 * contacts, revealing a phone, approving and rejecting, no-shows, adding by hand,
 * messaging participants, the xlsx export, the sign-in sheet, and the scope.
 */
@IntegrationTest
class RosterIT {

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
	JdbcClient jdbc;

	@Autowired
	CjkFonts fonts;

	@Autowired
	ConfigurableApplicationContext context;

	ActivityFixture fixture;

	UnitId unit;

	SignedInAccount admin;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "roster");
		this.admin = this.fixture.volunteers.adminOf(this.unit);
	}

	@Test
	void theRosterGroupsSignUpsAndShowsPhonesMaskedOnly() throws Exception {
		PositionId position = this.fixture.published(this.unit, "名单活动", 5, PositionDetails.open("引导员", 1));
		AccountId first = this.fixture.volunteer(this.unit, "张一");
		AccountId second = this.fixture.volunteer(this.unit, "张二");
		AccountId third = this.fixture.volunteer(this.unit, "张三");
		this.signUps.signUp(first, position);
		this.signUps.signUp(second, position);
		this.signUps.signUp(third, position);
		VolunteerView one = this.fixture.volunteerOf(first);

		String html = this.mvc.perform(get(roster(position)).with(user(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(html);
		long positionId = position.value();
		assertThat(page.select("#roster-confirmed-" + positionId).text()).contains("张一", one.number(),
				one.phoneMasked(), one.email());
		// the waitlist in its order, numbered
		List<String> waitlist = page.select("#roster-waitlist-" + positionId + " tr[id^=signup-]")
			.eachText()
			.stream()
			.toList();
		assertThat(waitlist).hasSize(2);
		assertThat(waitlist.get(0)).startsWith("1 张二");
		assertThat(waitlist.get(1)).startsWith("2 张三");
		assertThat(page.select("#position-" + positionId + " h2").text()).contains("名额 1 · 已占 1 · 剩余 0");
		assertThat(page.select("#roster-manage-link").attr("href"))
			.endsWith("/activities/" + activity(position) + "/manage");
		for (AccountId account : List.of(first, second, third)) {
			String phone = this.volunteers.revealPhone(VolunteerFixture.SYSTEM, this.fixture.volunteerOf(account).id());
			assertThat(html).doesNotContain(phone);
		}
	}

	@Test
	void anOrganiserManagingTheVolunteersUnitRevealsThePhoneAndItIsAudited() throws Exception {
		PositionId position = this.fixture.published(this.unit, "电话", 5, PositionDetails.open("引导员", 5));
		AccountId own = this.fixture.volunteer(this.unit, "本单位");
		UnitId elsewhere = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "elsewhere");
		AccountId other = this.fixture.volunteer(elsewhere, "外单位");
		SignUpId ownSignUp = this.signUps.signUp(own, position).signUp();
		SignUpId otherSignUp = this.signUps.signUp(other, position).signUp();
		VolunteerId ownId = this.fixture.volunteerOf(own).id();

		Document page = Jsoup.parse(this.mvc.perform(get(roster(position)).with(user(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#phone-" + ownSignUp + " button")).hasSize(1);
		assertThat(page.select("#phone-" + otherSignUp + " button")).as("not offered for another unit's volunteer")
			.isEmpty();

		String revealed = this.mvc
			.perform(post(roster(position) + "/" + ownSignUp + "/phone").with(user(this.admin))
				.with(csrf())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String phone = this.volunteers.revealPhone(VolunteerFixture.SYSTEM, ownId);
		assertThat(Jsoup.parse(revealed).select("#revealed-" + ownSignUp).text()).isEqualTo(phone);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_entry where entity_type = 'volunteer' and entity_id = ?
				and action = 'revealed-phone' and actor_id = ?""")
			.params(String.valueOf(ownId.value()), this.admin.id().value())
			.query(Integer.class)
			.single()).isEqualTo(1);

		this.mvc.perform(post(roster(position) + "/" + otherSignUp + "/phone").with(user(this.admin)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPendingSignUpIsApprovedOrRejectedWithAReason() throws Exception {
		PositionId position = this.fixture.published(this.unit, "审核", 5,
				new PositionDetails("讲解员", null, 5, Approval.ORGANISER, null, Set.of(), Set.of(), Set.of()));
		SignUpId toApprove = this.signUps.signUp(this.fixture.volunteer(this.unit, "待批甲"), position).signUp();
		SignUpId toReject = this.signUps.signUp(this.fixture.volunteer(this.unit, "待批乙"), position).signUp();
		assertThat(statusOf(toApprove)).isEqualTo(SignUpStatus.PENDING);

		String refused = this.mvc
			.perform(post(roster(position) + "/" + toReject + "/reject").param("reason", " ")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(refused).select("#roster-problem").text()).contains("请填写原因");
		assertThat(statusOf(toReject)).isEqualTo(SignUpStatus.PENDING);

		this.mvc.perform(post(roster(position) + "/" + toApprove + "/approve").with(user(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(toApprove)).isEqualTo(SignUpStatus.CONFIRMED);

		String rejected = this.mvc
			.perform(post(roster(position) + "/" + toReject + "/reject").param("reason", "名额已由团队内部安排")
				.with(user(this.admin))
				.with(csrf())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(rejected).select("#roster-notice").text()).isEqualTo("已拒绝该报名。");
		assertThat(statusOf(toReject)).isEqualTo(SignUpStatus.REJECTED);

		// approving again: the core's message, not an error page
		String again = this.mvc
			.perform(post(roster(position) + "/" + toApprove + "/approve").with(user(this.admin)).with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(again).select("#roster-problem").text()).isEqualTo("只有待审核的报名可以审核。");
	}

	@Test
	void noShowsAreMarkedOnlyOnceTheSessionHasStarted() throws Exception {
		PositionId position = this.fixture.published(this.unit, "缺席", 5, PositionDetails.open("引导员", 5));
		SignUpId signUp = this.signUps.signUp(this.fixture.volunteer(this.unit, "缺席者"), position).signUp();

		Document before = Jsoup.parse(
				this.mvc.perform(post(roster(position) + "/" + signUp + "/no-show").with(user(this.admin)).with(csrf()))
					.andExpect(status().isConflict())
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(before.select("#roster-problem").text()).isEqualTo("场次开始后才能标记缺席。");
		assertThat(before.select("#signup-" + signUp).text()).doesNotContain("标记缺席");
		assertThat(statusOf(signUp)).isEqualTo(SignUpStatus.CONFIRMED);

		// the session has begun
		this.jdbc.sql("update activity_session set starts_at = now() - interval '1 hour' where id = ?")
			.param(session(position).value())
			.update();
		Document started = Jsoup.parse(this.mvc.perform(get(roster(position)).with(user(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(started.select("#signup-" + signUp).text()).contains("标记缺席");

		this.mvc.perform(post(roster(position) + "/" + signUp + "/no-show").with(user(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(signUp)).isEqualTo(SignUpStatus.NO_SHOW);
		this.mvc.perform(post(roster(position) + "/" + signUp + "/undo-no-show").with(user(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(signUp)).isEqualTo(SignUpStatus.CONFIRMED);
	}

	@Test
	void addingByHandShowsTheBrokenRulesFirstAndRecordsTheOverride() throws Exception {
		PositionId position = this.fixture.published(this.unit, "手动", 5,
				new PositionDetails("长者岗", null, 1, Approval.AUTOMATIC, 80, Set.of(), Set.of(), Set.of()));
		VolunteerView young = this.fixture.volunteerOf(this.fixture.volunteer(this.unit, "年轻人"));

		String asked = this.mvc
			.perform(post(roster(position) + "/add").param("number", young.number().toLowerCase())
				.param("position", String.valueOf(position.value()))
				.param("note", "经验丰富")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document question = Jsoup.parse(asked);
		assertThat(question.select("#roster-overrides").text()).contains("该岗位要求年满 80 周岁。");
		assertThat(question.select("#roster-overrides input[name=confirmed]").val()).isEqualTo("true");
		assertThat(question.select("#note").text()).isEqualTo("经验丰富");
		assertThat(this.signUps.ofVolunteer(young.id())).isEmpty();

		this.mvc
			.perform(post(roster(position) + "/add").param("number", young.number())
				.param("position", String.valueOf(position.value()))
				.param("note", "经验丰富")
				.param("confirmed", "true")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		SignUpId added = this.signUps.ofVolunteer(young.id()).get(0).id();
		assertThat(statusOf(added)).isEqualTo(SignUpStatus.CONFIRMED);
		assertThat(this.jdbc.sql("""
				select after_state ->> 'overridden' from audit_entry where entity_type = 'signup' and entity_id = ?
				and action = 'added-by-organiser'""").param(added.toString()).query(String.class).single())
			.contains("too-young");
		Document page = Jsoup.parse(this.mvc.perform(get(roster(position)).with(user(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#signup-" + added).text()).contains("组织者添加", "已豁免规则：too-young");

		// the position is full now: refused with the core's message
		VolunteerView another = this.fixture.volunteerOf(this.fixture.volunteer(this.unit, "另一人"));
		String full = this.mvc
			.perform(post(roster(position) + "/add").param("number", another.number())
				.param("position", String.valueOf(position.value()))
				.param("confirmed", "true")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(full).select("#roster-problem").text()).isEqualTo("该岗位已满，请先增加名额。");
		assertThat(this.signUps.ofVolunteer(another.id())).isEmpty();

		// an unknown number is a field error
		String unknown = this.mvc
			.perform(post(roster(position) + "/add").param("number", "TX-NO-SUCH")
				.param("position", String.valueOf(position.value()))
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(unknown).select("#number-errors").text()).isEqualTo("找不到该编号的志愿者。");
	}

	@Test
	void aMessageGoesToTheChosenParticipantsAndIsAudited() throws Exception {
		PositionId position = this.fixture.published(this.unit, "消息", 5, PositionDetails.open("引导员", 1));
		AccountId confirmed = this.fixture.volunteer(this.unit, "已确认者");
		AccountId waiting = this.fixture.volunteer(this.unit, "候补者");
		this.signUps.signUp(confirmed, position);
		this.signUps.signUp(waiting, position);
		VolunteerId confirmedId = this.fixture.volunteerOf(confirmed).id();
		VolunteerId waitingId = this.fixture.volunteerOf(waiting).id();
		SessionId session = session(position);

		List<ParticipantsMessaged> published = new ArrayList<>();
		ApplicationListener<PayloadApplicationEvent<ParticipantsMessaged>> listener = ApplicationListener
			.forPayload(published::add);
		this.context.addApplicationListener(listener);
		try {
			this.mvc
				.perform(post(roster(position) + "/message").param("audience", "WAITLIST")
					.param("subject", "集合地点变更")
					.param("body", "请于 8:30 在东门集合。")
					.with(user(this.admin))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
			this.mvc
				.perform(post(roster(position) + "/message").param("audience", "SELECTED")
					.param("recipients", String.valueOf(confirmedId.value()))
					.param("subject", "感谢")
					.param("body", "谢谢参与")
					.with(user(this.admin))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
			// no subject: nothing is sent
			this.mvc
				.perform(post(roster(position) + "/message").param("audience", "ALL")
					.param("subject", "")
					.param("body", "正文")
					.with(user(this.admin))
					.with(csrf()))
				.andExpect(status().isBadRequest());
		}
		finally {
			this.context.removeApplicationListener(listener);
		}

		List<ParticipantsMessaged> mine = published.stream()
			.filter((event) -> event.session().equals(session))
			.toList();
		assertThat(mine).hasSize(2);
		assertThat(mine.get(0).recipients()).containsExactly(waitingId);
		assertThat(mine.get(0).subject()).isEqualTo("集合地点变更");
		assertThat(mine.get(0).from()).isEqualTo(this.admin.id());
		assertThat(mine.get(1).recipients()).containsExactly(confirmedId);
		assertThat(this.jdbc.sql("""
				select after_state ->> 'count' || '|' || (after_state ->> 'subject') from audit_entry
				where entity_type = 'session' and entity_id = ? and action = 'messaged' order by id""")
			.param(session.toString())
			.query(String.class)
			.list()).containsExactly("1|集合地点变更", "1|感谢");
	}

	@Test
	void theSpreadsheetHoldsMaskedPhonesAndFormulaLookingNamesStayText() throws Exception {
		PositionId position = this.fixture.published(this.unit, "导出/报表:*", 5, PositionDetails.open("引导员[北门]", 5));
		AccountId tricky = this.fixture.volunteer(this.unit, "=HYPERLINK(\"http://x\")");
		AccountId plain = this.fixture.volunteer(this.unit, "李导出");
		this.signUps.signUp(tricky, position);
		this.signUps.signUp(plain, position);
		VolunteerView plainView = this.fixture.volunteerOf(plain);

		MvcResult result = this.mvc.perform(get(roster(position) + ".xlsx").with(user(this.admin)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment")
			.contains("filename*=UTF-8''");
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("引导员_北门_");
			Row header = sheet.getRow(0);
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("姓名");
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			List<String> names = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Cell name = sheet.getRow(r).getCell(1);
				assertThat(name.getCellType()).isEqualTo(CellType.STRING);
				names.add(name.getStringCellValue());
			}
			assertThat(names).containsExactly("'=HYPERLINK(\"http://x\")", "李导出");
			Row second = sheet.getRow(2);
			assertThat(second.getCell(0).getStringCellValue()).isEqualTo(plainView.number());
			assertThat(second.getCell(2).getStringCellValue()).isEqualTo("已确认");
			assertThat(second.getCell(3).getStringCellValue()).isEqualTo(plainView.phoneMasked()).contains("*");
		}
		assertThat(this.jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'session' and entity_id = ? and action = 'roster-exported'")
			.param(session(position).toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSignInSheetListsTheConfirmedVolunteersInTheChineseFont() throws Exception {
		PositionId position = this.fixture.published(this.unit, "签到表活动", 5, PositionDetails.open("引导员", 1));
		AccountId confirmed = this.fixture.volunteer(this.unit, "签到甲");
		this.signUps.signUp(confirmed, position);
		this.signUps.signUp(this.fixture.volunteer(this.unit, "候补乙"), position);
		VolunteerView view = this.fixture.volunteerOf(confirmed);

		MvcResult result = this.mvc
			.perform(get("/sessions/" + session(position) + "/sign-in-sheet.pdf").with(user(this.admin)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		byte[] pdf = result.getResponse().getContentAsByteArray();
		assertThat(this.jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'session' and entity_id = ? and action = 'sign-in-sheet-printed'")
			.param(session(position).toString())
			.query(Integer.class)
			.single()).isEqualTo(1);

		assumeThat(this.fonts.embedded()).as("a CJK font is installed (fonts-noto-cjk)").isTrue();
		PdfReader reader = new PdfReader(pdf);
		try {
			assertThat(reader.getPageSize(1).getWidth()).isBetween(594f, 596f);
			String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
			assertThat(text).contains("签到表活动", "签到甲", view.number(), view.phoneMasked(), "签到", "签退", "第1页")
				.doesNotContain("候补乙");
		}
		finally {
			reader.close();
		}
	}

	@Test
	void anAdminOfAnotherSubtreeDoesNotFindTheRoster() throws Exception {
		PositionId position = this.fixture.published(this.unit, "范围", 5, PositionDetails.open("引导员", 5));
		SignUpId signUp = this.signUps.signUp(this.fixture.volunteer(this.unit, "范围内"), position).signUp();
		UnitId other = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "roster-other");
		SignedInAccount stranger = this.fixture.volunteers.adminOf(other);

		this.mvc.perform(get(roster(position)).with(user(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(get(roster(position) + ".xlsx").with(user(stranger))).andExpect(status().isNotFound());
		this.mvc
			.perform(post(roster(position) + "/" + signUp + "/cancel").param("reason", "无")
				.with(user(stranger))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(statusOf(signUp)).isEqualTo(SignUpStatus.CONFIRMED);
	}

	private String roster(PositionId position) {
		return "/sessions/" + session(position) + "/roster";
	}

	private SessionId session(PositionId position) {
		return this.activities.findPosition(position).orElseThrow().session();
	}

	private long activity(PositionId position) {
		return this.activities.findSession(session(position)).orElseThrow().activity().value();
	}

	private SignUpStatus statusOf(SignUpId id) {
		return this.signUps.find(id).orElseThrow().status();
	}

}
