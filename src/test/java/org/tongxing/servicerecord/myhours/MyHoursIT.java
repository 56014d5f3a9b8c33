package org.tongxing.servicerecord.myhours;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.Declaration;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The volunteer's hours pages: the history shows each entry with the rule that made its
 * hours and the corrections under it; totals are sums of confirmed entries; corrections
 * are asked for with the typed values kept on error and one open at a time; declarations
 * need evidence that really is a PDF, JPEG or PNG and a date not in the future; entries
 * and evidence of others are 404.
 */
@IntegrationTest
class MyHoursIT {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

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

	@Autowired
	ServiceRecords records;

	@Autowired
	MessageSource messages;

	@Autowired
	HoursDeclarations declarations;

	@Autowired
	JdbcClient jdbc;

	ServiceRecordFixture fixture;

	VolunteerFixture people;

	UnitId unit;

	AccountId coordinator;

	@BeforeEach
	void setUp() {
		this.people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.fixture = new ServiceRecordFixture(new ActivityFixture(this.people, this.activities, this.volunteers),
				this.activities, this.signUps, this.checkIns);
		this.unit = this.people.unit(this.people.root(), "hours");
		this.coordinator = this.people.account("coord", Role.COORDINATOR).id();
	}

	@Test
	void theHistoryShowsTheRuleAndAConfirmedCorrectionUnderItsOriginalAndTotalsSumConfirmedEntries() throws Exception {
		Running museum = this.fixture.session(this.unit, "助盲参观博物馆", Duration.ofHours(3), Duration.ofHours(3));
		AccountId account = this.fixture.attendee(museum, this.unit, "陈一帆");
		EntryView original = confirmedEntry(museum, account, Duration.ofHours(3));
		Running market = this.fixture.session(this.unit, "六一爱心义卖", Duration.ofHours(2), Duration.ofHours(2));
		this.fixture.place(market, account);
		EntryView second = confirmedEntry(market, account, Duration.ofMinutes(100));
		Running pending = this.fixture.session(this.unit, "暑期托管讲座", Duration.ofHours(1), Duration.ofHours(1));
		this.fixture.place(pending, account);
		this.fixture.attend(pending, account, pending.startsAt(), pending.endsAt());
		// the volunteer left an hour early: 3 h become 2 h, a correction of -1 h
		long correction = this.records.requestCorrection(account, original.id(), new BigDecimal("2"), null, "提前一小时离开");
		this.records.confirm(ServiceRecordFixture.SYSTEM, correction, this.coordinator);

		BigDecimal expected = original.hours().add(second.hours()).subtract(BigDecimal.ONE);
		assertThat(original.hours()).isEqualByComparingTo("3");
		assertThat(this.records.total(this.fixture.volunteerId(account))).isEqualByComparingTo(expected);

		Document page = page(get("/me/hours"), account);
		assertThat(page.getElementById("myhours-total").text()).isEqualTo(HoursSummary.hours(expected) + " 小时");
		assertThat(page.getElementById("myhours-year").text()).startsWith(HoursSummary.hours(expected) + " / 20");
		assertThat(page.getElementById("myhours-pending").text()).isEqualTo("另有 1 小时待确认");
		assertThat(page.getElementById("myhours-duty-label").text())
			.isEqualTo(LocalDate.now(ZoneId.of(ActivityFixture.ZONE)).getYear() + " 年度服务时长（每年不少于 20 小时）");
		assertThat(page.getElementById("myhours-next").text())
			.isEqualTo("还差 " + HoursSummary.hours(new BigDecimal(100).subtract(expected)) + " 小时到 1 星");

		Element entry = page.getElementById("entry-" + original.id());
		assertThat(entry.selectFirst(".myhours-rule").text()).isEqualTo(rule(original));
		assertThat(entry.selectFirst(".myhours-hours").text()).isEqualTo("3 小时");
		assertThat(entry.selectFirst(".myhours-standing").text()).isEqualTo("（更正后为 2 小时）");
		assertThat(entry.text()).contains("助盲参观博物馆", "服务岗", "北京市朝阳区 1 号", "已确认", original.recordingUnitName());
		Element fix = entry.selectFirst(".myhours-correction");
		assertThat(fix.id()).isEqualTo("entry-" + correction);
		assertThat(fix.text()).contains("更正为 2 小时", "已确认", "原因：提前一小时离开");
		assertThat(entry.select("a.myhours-correct").attr("href"))
			.isEqualTo("/me/hours/" + original.id() + "/correction");
		assertThat(page.getElementById("entry-" + second.id()).selectFirst(".myhours-rule").text())
			.isEqualTo(rule(second));
		// a pending entry cannot be corrected yet
		EntryView pendingEntry = this.records.history(this.fixture.volunteerId(account))
			.stream()
			.filter(EntryView::isPending)
			.findFirst()
			.orElseThrow();
		assertThat(page.getElementById("entry-" + pendingEntry.id()).select("a.myhours-correct")).isEmpty();
		assertThat(page.getElementById("entry-" + pendingEntry.id()).text()).contains("待确认");
		// the correction is not a group of its own
		assertThat(page.select("article.myhours-entry")).hasSize(3);
	}

	@Test
	void aYearWithoutServicesSaysSoAndHtmxGetsTheHistoryAlone() throws Exception {
		Running museum = this.fixture.session(this.unit, "按年筛选", Duration.ofHours(3), Duration.ofHours(2));
		AccountId account = this.fixture.attendee(museum, this.unit, "筛选者");
		EntryView entry = confirmedEntry(museum, account, Duration.ofHours(2));

		MvcResult fragment = this.mvc
			.perform(get("/me/hours").param("year", "2001")
				.header("HX-Request", "true")
				.with(user(this.people.principal(account))))
			.andExpect(status().isOk())
			.andReturn();
		String html = fragment.getResponse().getContentAsString();
		assertThat(html).doesNotContain("<title").contains("id=\"myhours-none-in-year\"");

		Document page = page(get("/me/hours").param("year", String.valueOf(entry.serviceDate().getYear())), account);
		assertThat(page.getElementById("entry-" + entry.id())).isNotNull();
		assertThat(page.getElementById("myhours-year-total").text()).contains("2 小时");
	}

	@Test
	void aNewVolunteerSeesTheWayToActivities() throws Exception {
		AccountId account = this.fixture.activities.volunteer(this.unit, "新志愿者");
		Document page = page(get("/me/hours"), account);
		assertThat(page.getElementById("myhours-empty").select("a[href='/activities']")).hasSize(1);
		assertThat(page.getElementById("myhours-total").text()).isEqualTo("0 小时");
		assertThat(page.getElementById("myhours-history")).isNull();
	}

	@Test
	void correctionFormErrorsStandBesideTheFieldsWithTheTypedValuesKept() throws Exception {
		Running running = this.fixture.session(this.unit, "更正表单", Duration.ofHours(3), Duration.ofHours(3));
		AccountId account = this.fixture.attendee(running, this.unit, "填表者");
		EntryView entry = confirmedEntry(running, account, Duration.ofHours(3));

		Document form = page(get("/me/hours/" + entry.id() + "/correction"), account);
		assertThat(form.getElementById("hours").val()).isEqualTo("3");
		assertThat(form.getElementById("content").val()).isEqualTo("服务岗");

		Document refused = page(post("/me/hours/" + entry.id() + "/correction").param("hours", "两小时")
			.param("content", "引导盲人朋友参观")
			.param("reason", " "), account);
		assertThat(refused.getElementById("hours").val()).isEqualTo("两小时");
		assertThat(refused.getElementById("content").val()).isEqualTo("引导盲人朋友参观");
		assertThat(refused.getElementById("hours-errors").text()).isEqualTo("请输入数字，例如 2.5");
		assertThat(refused.getElementById("reason-errors").text()).isEqualTo("请填写原因");

		Document negative = page(post("/me/hours/" + entry.id() + "/correction").param("hours", "-1")
			.param("content", "服务岗")
			.param("reason", "多算了"), account);
		assertThat(negative.getElementById("hours").val()).isEqualTo("-1");
		assertThat(negative.getElementById("reason").val()).isEqualTo("多算了");
		assertThat(negative.getElementById("hours-errors").text()).isEqualTo("时长须在 0 到 1000 小时之间，最多两位小数");

		// the ledger's own refusal: nothing would change
		Document unchanged = page(post("/me/hours/" + entry.id() + "/correction").param("hours", "3")
			.param("content", "服务岗")
			.param("reason", "核对"), account);
		assertThat(unchanged.getElementById("myhours-form-problem").text()).isEqualTo("更正后的时长和内容与原记录相同");
		assertThat(corrections(entry)).isZero();
	}

	@Test
	void aSecondOpenCorrectionIsRefusedWithTheMessage() throws Exception {
		Running running = this.fixture.session(this.unit, "重复更正", Duration.ofHours(3), Duration.ofHours(3));
		AccountId account = this.fixture.attendee(running, this.unit, "更正者");
		EntryView entry = confirmedEntry(running, account, Duration.ofHours(3));

		this.mvc
			.perform(post("/me/hours/" + entry.id() + "/correction").param("hours", "2.5")
				.param("content", "服务岗")
				.param("reason", "提前半小时离开")
				.with(user(this.people.principal(account)))
				.with(csrf()))
			.andExpect(redirectedUrl("/me/hours"));
		Document again = page(post("/me/hours/" + entry.id() + "/correction").param("hours", "2")
			.param("content", "服务岗")
			.param("reason", "其实提前了一小时"), account);
		assertThat(again.getElementById("myhours-form-problem").text()).isEqualTo("这条记录已有一项待审核的更正申请");
		assertThat(again.getElementById("hours").val()).isEqualTo("2");
		assertThat(again.getElementById("reason").val()).isEqualTo("其实提前了一小时");
		assertThat(corrections(entry)).isEqualTo(1);

		// the pending correction stands under the original, and the form says one is open
		Element shown = page(get("/me/hours"), account).getElementById("entry-" + entry.id());
		assertThat(shown.selectFirst(".myhours-correction").text()).contains("更正为 2.5 小时", "待确认", "提前半小时离开");
		assertThat(page(get("/me/hours/" + entry.id() + "/correction"), account).getElementById("myhours-open"))
			.isNotNull();
	}

	@Test
	void anotherVolunteersEntryIsNotFound() throws Exception {
		Running running = this.fixture.session(this.unit, "他人记录", Duration.ofHours(3), Duration.ofHours(3));
		AccountId owner = this.fixture.attendee(running, this.unit, "本人");
		EntryView entry = confirmedEntry(running, owner, Duration.ofHours(3));
		AccountId other = this.fixture.activities.volunteer(this.unit, "他人");

		this.mvc.perform(get("/me/hours/" + entry.id() + "/correction").with(user(this.people.principal(other))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/me/hours/" + entry.id() + "/correction").param("hours", "1")
				.param("content", "x")
				.param("reason", "y")
				.with(user(this.people.principal(other)))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/me/hours/999999999/correction").with(user(this.people.principal(owner))))
			.andExpect(status().isNotFound());
		assertThat(corrections(entry)).isZero();
	}

	@Test
	void aDeclarationWithPdfEvidenceIsStoredPendingAndVisibleAndOnlyItsOwnerReadsTheEvidence() throws Exception {
		AccountId account = this.fixture.activities.volunteer(this.unit, "申报者");
		LocalDate day = LocalDate.now(ZoneId.of(ActivityFixture.ZONE)).minusDays(3);

		this.mvc.perform(declaration(account, "社区敬老服务", day, "5.5", evidence("敬老院证明.pdf", PDF)))
			.andExpect(redirectedUrl("/me/hours"));

		List<EntryView> history = this.records.history(this.fixture.volunteerId(account));
		assertThat(history).singleElement().satisfies((entry) -> {
			assertThat(entry.kind()).isEqualTo(EntryKind.SELF_DECLARED);
			assertThat(entry.status()).isEqualTo(EntryStatus.PENDING);
			assertThat(entry.hours()).isEqualByComparingTo("5.5");
			assertThat(entry.serviceDate()).isEqualTo(day);
			assertThat(entry.organisingUnitName()).isEqualTo("和平街道社区服务中心");
			assertThat(entry.evidenceFileId()).isNotNull();
		});
		EntryView entry = history.get(0);

		Document page = page(get("/me/hours"), account);
		Element shown = page.getElementById("entry-" + entry.id());
		assertThat(shown.text()).contains("社区敬老服务", "本人申报", "待确认", "5.5 小时", "和平街道社区服务中心", "陪老人聊天、读报");
		assertThat(page.getElementById("myhours-pending").text()).isEqualTo("另有 5.5 小时待确认");
		String link = shown.selectFirst("a.myhours-evidence").attr("href");
		assertThat(link).isEqualTo("/me/hours/files/" + entry.evidenceFileId());

		MvcResult download = this.mvc.perform(get(link).with(user(this.people.principal(account))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;").contains(".pdf");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);

		AccountId other = this.fixture.activities.volunteer(this.unit, "旁人");
		this.mvc.perform(get(link).with(user(this.people.principal(other)))).andExpect(status().isNotFound());
		SignedInAccount nobody = this.people.account("no-volunteer", Role.VOLUNTEER);
		this.mvc.perform(get(link).with(user(nobody))).andExpect(status().isNotFound());
	}

	@Test
	void textNamedPdfIsRefusedAndNothingIsStored() throws Exception {
		AccountId account = this.fixture.activities.volunteer(this.unit, "伪装者");
		LocalDate day = LocalDate.now(ZoneId.of(ActivityFixture.ZONE)).minusDays(1);
		long filesBefore = files(account);

		Document refused = page(
				declaration(account, "伪装的证明", day, "2", evidence("证明.pdf", "不是 PDF".getBytes(StandardCharsets.UTF_8))),
				account);

		assertThat(refused.getElementById("evidence-errors").text()).isEqualTo("只接受 PDF、JPEG 或 PNG 文件（按文件内容判断，不看文件名）");
		assertThat(refused.getElementById("activityName").val()).isEqualTo("伪装的证明");
		assertThat(refused.getElementById("hours").val()).isEqualTo("2");
		assertThat(refused.getElementById("serviceDate").val()).isEqualTo(day.toString());
		assertThat(this.records.history(this.fixture.volunteerId(account))).isEmpty();
		assertThat(files(account)).isEqualTo(filesBefore);

		Document missing = page(declaration(account, "没有证明", day, "2", null), account);
		assertThat(missing.getElementById("evidence-errors").text()).isEqualTo("请上传证明材料");
	}

	@Test
	void aFutureDateAndTooManyHoursAreRefused() throws Exception {
		AccountId account = this.fixture.activities.volunteer(this.unit, "未来者");
		LocalDate tomorrow = LocalDate.now(ZoneId.of(ActivityFixture.ZONE)).plusDays(1);

		Document refused = page(declaration(account, "明天的服务", tomorrow, "25", evidence("证明.pdf", PDF)), account);

		assertThat(refused.getElementById("serviceDate-errors").text()).isEqualTo("服务日期不能晚于今天");
		assertThat(refused.getElementById("hours-errors").text()).isEqualTo("时长须大于 0、不超过 24 小时，最多两位小数");
		assertThat(refused.getElementById("serviceDate").val()).isEqualTo(tomorrow.toString());
		assertThat(refused.getElementById("organiser").val()).isEqualTo("和平街道社区服务中心");
		assertThat(this.records.history(this.fixture.volunteerId(account))).isEmpty();
		assertThat(files(account)).isZero();
	}

	@Test
	void aDeclarationTheLedgerRefusesLeavesNoEvidenceBehind() {
		AccountId account = this.fixture.activities.volunteer(this.unit, "回滚者");
		LocalDate tomorrow = LocalDate.now(ZoneId.of(ActivityFixture.ZONE)).plusDays(1);
		Declaration future = new Declaration("明天的服务", tomorrow, "敬老院", "社区", new BigDecimal("2"), "陪伴");

		assertThatThrownBy(
				() -> this.declarations.declare(account, this.fixture.volunteerId(account), future, "证明.pdf", PDF))
			.isInstanceOf(ServiceRecordException.class)
			.hasMessage("servicerecord.invalid.date-in-future");
		assertThat(files(account)).isZero();
	}

	@Test
	void anAccountWithoutAVolunteerRecordHasNoHours() throws Exception {
		SignedInAccount nobody = this.people.account("plain", Role.VOLUNTEER);
		Document page = Jsoup.parse(this.mvc.perform(get("/me/hours").with(user(nobody)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.getElementById("myhours-no-volunteer")).isNotNull();
		this.mvc.perform(get("/me/hours/declare").with(user(nobody))).andExpect(status().isNotFound());
	}

	// --- helpers

	private EntryView confirmedEntry(Running running, AccountId account, Duration served) {
		this.fixture.attend(running, account, running.startsAt(), running.startsAt().plus(served));
		EntryView entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session())
			.stream()
			.filter((e) -> e.volunteer().equals(this.fixture.volunteerId(account)))
			.findFirst()
			.orElseThrow();
		this.records.confirm(ServiceRecordFixture.SYSTEM, entry.id(), this.coordinator);
		return this.records.get(entry.id());
	}

	private String rule(EntryView entry) {
		return this.messages.getMessage(entry.hoursRule(), entry.hoursRuleArgumentArray(), Locale.SIMPLIFIED_CHINESE);
	}

	private Document page(AbstractMockHttpServletRequestBuilder<?> request, AccountId account) throws Exception {
		String html = this.mvc.perform(request.with(user(this.people.principal(account))).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

	private MockMultipartHttpServletRequestBuilder declaration(AccountId account, String name, LocalDate day,
			String hours, MockMultipartFile file) {
		MockMultipartHttpServletRequestBuilder builder = multipart("/me/hours/declare");
		if (file != null) {
			builder.file(file);
		}
		builder.param("activityName", name)
			.param("serviceDate", day.toString())
			.param("place", "和平街道敬老院")
			.param("organiser", "和平街道社区服务中心")
			.param("hours", hours)
			.param("description", "陪老人聊天、读报");
		builder.with(user(this.people.principal(account))).with(csrf());
		return builder;
	}

	private static MockMultipartFile evidence(String name, byte[] content) {
		return new MockMultipartFile("evidence", name, "application/pdf", content);
	}

	private int corrections(EntryView entry) {
		return this.jdbc.sql("select count(*) from service_entry where corrects_id = ?")
			.param(entry.id())
			.query(Integer.class)
			.single();
	}

	private long files(AccountId account) {
		return this.jdbc.sql("select count(*) from service_file where volunteer_id = ?")
			.param(this.fixture.volunteerId(account).value())
			.query(Long.class)
			.single();
	}

}
