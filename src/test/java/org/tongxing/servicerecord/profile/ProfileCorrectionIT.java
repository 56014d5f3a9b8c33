package org.tongxing.servicerecord.profile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins who manage a volunteer correct typos in their training, awards, evaluations and
 * complaints, or withdraw an entry: a withdrawn entry is kept with who, when and why,
 * struck through for admins and gone from the volunteer's own record; refused forms keep
 * what was typed; a change made meanwhile is not overwritten unseen; admins of other
 * units get 404; every change is audited without the free texts.
 */
@IntegrationTest
class ProfileCorrectionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	ServiceProfile profile;

	@Autowired
	JdbcClient jdbc;

	VolunteerFixture fixture;

	UnitId unit;

	VolunteerId id;

	SignedInAccount volunteer;

	SignedInAccount admin;

	LocalDate today;

	@BeforeEach
	void setUp() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.unit = this.fixture.unit(this.fixture.root(), "更正");
		this.id = this.fixture.active(this.unit, "周雨桐");
		this.volunteer = this.fixture.principal(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).accountId());
		this.admin = this.fixture.adminOf(this.unit);
		this.today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void anAdminCorrectsATypoAndTheChangeIsAuditedWithoutFreeTexts() throws Exception {
		long training = this.profile.addTraining(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewTraining("急救培训训", "心肺复苏", new BigDecimal("2.5"), "红十字会", this.today.minusDays(3)),
				this.admin.id());
		this.mvc.perform(get(page() + "/training/" + training + "/edit").with(user(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"急救培训训\"")))
			.andExpect(content().string(containsString("value=\"2.5\"")))
			.andExpect(content().string(containsString("id=\"withdraw-form\"")));

		this.mvc
			.perform(post(page() + "/training/" + training + "/edit").param("version", "0")
				.param("name", "急救培训")
				.param("hours", "3")
				.param("organiser", "红十字会")
				.param("content", "心肺复苏与止血包扎")
				.param("heldOn", this.today.minusDays(3).toString())
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#training"))
			.andExpect(flash().attribute("notice", "servicerecord.profile.edit.corrected"));
		assertThat(this.jdbc
			.sql("select name || '|' || hours || '|' || content || '|' || version from training_record where id = ?")
			.param(training)
			.query(String.class)
			.single()).isEqualTo("急救培训|3.00|心肺复苏与止血包扎|1");
		String audit = audit("training_record", training, "corrected");
		assertThat(audit).contains("急救培训训", "\"hours\": \"3\"", "characters").doesNotContain("止血包扎");
		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(content().string(containsString("急救培训")))
			.andExpect(content().string(containsString("3 小时")));

		// the same again changes nothing and records nothing
		this.mvc
			.perform(post(page() + "/training/" + training + "/edit").param("version", "1")
				.param("name", "急救培训")
				.param("hours", "3.0")
				.param("organiser", "红十字会")
				.param("content", "心肺复苏与止血包扎")
				.param("heldOn", this.today.minusDays(3).toString())
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "servicerecord.profile.edit.unchanged"));
		assertThat(countAudit("training_record", training, "corrected")).isEqualTo(1);

		long evaluation = this.profile.addEvaluation(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewEvaluation(Rating.PASS, this.today, "协会", "工作认针"), this.admin.id());
		this.mvc
			.perform(post(page() + "/evaluations/" + evaluation + "/edit").param("version", "0")
				.param("rating", "GOOD")
				.param("evaluatedOn", this.today.toString())
				.param("evaluator", "协会")
				.param("comment", "工作认真")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#evaluations"));
		assertThat(audit("evaluation", evaluation, "corrected")).contains("PASS", "GOOD").doesNotContain("认针", "认真");
	}

	@Test
	void aRefusedCorrectionKeepsWhatWasTypedAndAChangeMeanwhileIsNotOverwritten() throws Exception {
		long training = this.profile.addTraining(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewTraining("礼宾培训", null, BigDecimal.ONE, "礼宾司", this.today), this.admin.id());
		this.mvc
			.perform(post(page() + "/training/" + training + "/edit").param("version", "0")
				.param("name", " ")
				.param("hours", "1001")
				.param("organiser", "外事礼宾培训中心")
				.param("content", "座次安排")
				.param("heldOn", this.today.plusDays(2).toString())
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"edit-name-errors\"")))
			.andExpect(content().string(containsString("id=\"edit-hours-errors\"")))
			.andExpect(content().string(containsString("时长须在 0 到 1000 小时之间")))
			.andExpect(content().string(containsString("日期不能晚于今天")))
			.andExpect(content().string(containsString("value=\"外事礼宾培训中心\"")))
			.andExpect(content().string(containsString("value=\"1001\"")))
			.andExpect(content().string(containsString("座次安排")))
			.andExpect(content().string(containsString("id=\"edit-errors\"")));

		// another admin corrected it meanwhile: the stale form is refused, what was typed
		// kept
		this.profile.correctTraining(VolunteerFixture.SYSTEM, this.id, training, 0,
				new ServiceProfile.NewTraining("礼宾知识培训", null, BigDecimal.ONE, "礼宾司", this.today), this.admin.id());
		this.mvc
			.perform(post(page() + "/training/" + training + "/edit").param("version", "0")
				.param("name", "礼宾培训（更正）")
				.param("hours", "2")
				.param("organiser", "礼宾司")
				.param("heldOn", this.today.toString())
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"edit-problem\"")))
			.andExpect(content().string(containsString("刚被别人改过")))
			.andExpect(content().string(containsString("value=\"礼宾培训（更正）\"")))
			.andExpect(content().string(containsString("礼宾知识培训")))
			.andExpect(content().string(containsString("id=\"edit-version\" name=\"version\" value=\"1\"")));
		assertThat(this.jdbc.sql("select name from training_record where id = ?")
			.param(training)
			.query(String.class)
			.single()).isEqualTo("礼宾知识培训");
	}

	@Test
	void aWithdrawnAwardIsKeptStruckThroughForAdminsAndGoneFromTheVolunteersRecord() throws Exception {
		long award = this.profile.addAward(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewAward("优秀志愿者", this.today.minusDays(9), "部团委", true),
				new ServiceProfile.Upload("决定.pdf", ServiceProfileIT.PDF), this.admin.id());
		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(content().string(containsString("优秀志愿者")));

		this.mvc
			.perform(post(page() + "/awards/" + award + "/withdraw").param("version", "0")
				.param("reason", " ")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"withdraw-reason-errors\"")));
		this.mvc
			.perform(post(page() + "/awards/" + award + "/withdraw").param("version", "0")
				.param("reason", "录入了别人的奖项，周某某并未获奖")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#awards"))
			.andExpect(flash().attribute("notice", "servicerecord.profile.edit.withdrawnNotice"));

		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("优秀志愿者"))));
		this.mvc.perform(get("/me/record/awards/" + award + "/proof").with(user(this.volunteer)))
			.andExpect(status().isNotFound());
		String html = this.mvc.perform(get(page()).with(user(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html)
			.contains("id=\"awards-" + award + "-withdrawn\"", "text-decoration-line-through", "优秀志愿者", "录入了别人的奖项",
					"撤回于")
			.doesNotContain("id=\"awards-" + award + "-edit\"");
		assertThat(audit("award", award, "withdrawn")).contains("characters").doesNotContain("别人的奖项");
		assertThat(this.jdbc
			.sql("select count(*) from award where id = ? and withdrawn_by = ? and withdrawn_at is not null")
			.params(award, this.admin.id().value())
			.query(Integer.class)
			.single()).isEqualTo(1);

		// withdrawn once, never changed after
		this.mvc.perform(get(page() + "/awards/" + award + "/edit").with(user(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"stored-withdrawal\"")))
			.andExpect(content().string(not(containsString("id=\"edit-form\""))));
		this.mvc
			.perform(multipart(page() + "/awards/" + award + "/edit").param("version", "1")
				.param("name", "优秀志愿者")
				.param("awardedOn", this.today.toString())
				.param("awardingBody", "部团委")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已经撤回，不能再更改")));
	}

	@Test
	void anAwardsProofIsReplacedAndAResolvedComplaintsTextsCorrected() throws Exception {
		long award = this.profile.addAward(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewAward("优秀志愿者", this.today.minusDays(9), "部团委", false),
				new ServiceProfile.Upload("别人的证书.pdf", ServiceProfileIT.PDF), this.admin.id());
		long oldFile = this.jdbc.sql("select proof_file_id from award where id = ?")
			.param(award)
			.query(Long.class)
			.single();
		byte[] png = java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
		this.mvc
			.perform(multipart(page() + "/awards/" + award + "/edit")
				.file(new MockMultipartFile("proof", "本人证书.png", "image/png", png))
				.param("version", "0")
				.param("name", "优秀志愿者")
				.param("awardedOn", this.today.minusDays(9).toString())
				.param("awardingBody", "部团委")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#awards"));
		assertThat(this.jdbc.sql("select count(*) from service_file where id = ?")
			.param(oldFile)
			.query(Integer.class)
			.single()).as("the wrong file is deleted").isZero();
		this.mvc.perform(get("/me/record/awards/" + award + "/proof").with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(png));

		long complaint = this.profile.addComplaint(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewComplaint(this.today, "迟到"), this.admin.id());
		this.profile.resolveComplaint(VolunteerFixture.SYSTEM, this.id, complaint, ComplaintStatus.DISMISSED,
				"经核时，情况不属实", this.admin.id());
		this.mvc
			.perform(post(page() + "/complaints/" + complaint + "/edit").param("version", "1")
				.param("receivedOn", this.today.toString())
				.param("content", "迟到")
				.param("resolution", "")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"edit-resolution-errors\"")));
		this.mvc
			.perform(post(page() + "/complaints/" + complaint + "/edit").param("version", "1")
				.param("receivedOn", this.today.toString())
				.param("content", "迟到")
				.param("resolution", "经核实，情况不属实")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#complaints"));
		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(content().string(containsString("经核实，情况不属实")))
			.andExpect(content().string(containsString("投诉不成立")));
		this.profile.withdraw(VolunteerFixture.SYSTEM, this.id, ProfileEntryKind.COMPLAINT, complaint, 2, "重复登记",
				this.admin.id());
		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(content().string(not(containsString("经核实，情况不属实"))));
	}

	@Test
	void onlyAdminsWhoManageTheVolunteerCorrectOthersGetNotFound() throws Exception {
		long training = this.profile.addTraining(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewTraining("语言培训", null, BigDecimal.ONE, "翻译司", this.today), this.admin.id());
		long evaluation = this.profile.addEvaluation(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewEvaluation(Rating.GOOD, this.today, "协会", null), this.admin.id());
		SignedInAccount stranger = this.fixture.adminOf(this.fixture.unit(this.fixture.root(), "别的分支"));
		String edit = page() + "/training/" + training + "/edit";
		this.mvc.perform(get(edit).with(user(stranger))).andExpect(status().isNotFound());
		correctTraining(stranger, edit, "冒改").andExpect(status().isNotFound());
		this.mvc
			.perform(post(page() + "/training/" + training + "/withdraw").param("version", "0")
				.param("reason", "冒撤")
				.with(user(stranger))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(edit).with(user(this.volunteer))).andExpect(status().isNotFound());
		SignedInAccount leader = this.fixture.account("leader", Role.LEADERSHIP);
		correctTraining(leader, edit, "冒改").andExpect(status().isForbidden());

		// another volunteer's entry under this volunteer's address, and unknown kinds
		VolunteerId otherId = this.fixture.active(this.unit, "别人");
		long others = this.profile.addTraining(VolunteerFixture.SYSTEM, otherId,
				new ServiceProfile.NewTraining("别人的培训", null, BigDecimal.ONE, "协会", this.today), this.admin.id());
		this.mvc.perform(get(page() + "/training/" + others + "/edit").with(user(this.admin)))
			.andExpect(status().isNotFound());
		correctTraining(this.admin, page() + "/training/" + others + "/edit", "改别人的").andExpect(status().isNotFound());
		this.mvc.perform(get(page() + "/evaluations/" + (evaluation + 1_000_000) + "/edit").with(user(this.admin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(page() + "/certificates/" + training + "/edit").with(user(this.admin)))
			.andExpect(status().isNotFound());

		// an admin of a unit above manages the volunteer
		SignedInAccount above = this.fixture.adminOf(this.fixture.root());
		correctTraining(above, edit, "语言培训（英语）").andExpect(redirectedUrl(page() + "#training"));
		this.mvc.perform(get(page() + "/evaluations/" + evaluation + "/edit").with(user(above)))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select string_agg(name, ',') from training_record where volunteer_id in (?, ?)")
			.params(this.id.value(), otherId.value())
			.query(String.class)
			.single()).contains("语言培训（英语）", "别人的培训").doesNotContain("冒改", "改别人的");
		assertThat(this.jdbc.sql("select count(*) from training_record where id = ? and withdrawn_at is null")
			.param(training)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private ResultActions correctTraining(SignedInAccount by, String url, String name) throws Exception {
		return this.mvc.perform(post(url).param("version", "0")
			.param("name", name)
			.param("hours", "1")
			.param("organiser", "翻译司")
			.param("heldOn", this.today.toString())
			.with(user(by))
			.with(csrf()));
	}

	private String page() {
		return "/volunteers/" + this.id.value() + "/service";
	}

	private String audit(String type, long entity, String action) {
		return this.jdbc.sql("""
				select coalesce(before_state::text, '') || ' ' || after_state::text from audit_entry
				where entity_type = ? and entity_id = ? and action = ? order by id desc limit 1""")
			.params(type, String.valueOf(entity), action)
			.query(String.class)
			.single();
	}

	private int countAudit(String type, long entity, String action) {
		return this.jdbc.sql("select count(*) from audit_entry where entity_type = ? and entity_id = ? and action = ?")
			.params(type, String.valueOf(entity), action)
			.query(Integer.class)
			.single();
	}

}
