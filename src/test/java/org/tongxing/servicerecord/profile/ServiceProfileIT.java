package org.tongxing.servicerecord.profile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A volunteer's training, awards, evaluations and complaints: admins of the volunteer's
 * unit add them and see them, newest first; a government award needs its proof, which
 * only those admins and the volunteer download; a refused form keeps what was typed and
 * stores nothing; every change is audited; the volunteer reads their own record, with
 * complaints once resolved, and nobody else's.
 */
@IntegrationTest
class ServiceProfileIT {

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
		this.unit = this.fixture.unit(this.fixture.root(), "档案");
		this.id = this.fixture.active(this.unit, "陈思远");
		this.volunteer = principalOf(this.id);
		this.admin = this.fixture.adminOf(this.unit);
		this.today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void anAdminAddsEachKindAndSeesItNewestFirstEveryAdditionAudited() throws Exception {
		addTraining("急救培训", "2.5", this.today.minusDays(30)).andExpect(redirectedUrl(page() + "#training"))
			.andExpect(flash().attribute("notice", "servicerecord.profile.training.added"));
		addTraining("领事保护知识讲座", "1.5", this.today.minusDays(3)).andExpect(redirectedUrl(page() + "#training"));
		this.mvc
			.perform(award(this.admin, null, null).param("name", "优秀志愿者")
				.param("awardedOn", this.today.minusDays(10).toString())
				.param("awardingBody", "部团委"))
			.andExpect(redirectedUrl(page() + "#awards"));
		this.mvc
			.perform(post(page() + "/evaluations").param("rating", "EXCELLENT")
				.param("evaluatedOn", this.today.toString())
				.param("evaluator", "志愿者协会")
				.param("comment", "服务认真")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#evaluations"));
		this.mvc
			.perform(post(page() + "/complaints").param("receivedOn", this.today.minusDays(1).toString())
				.param("content", "活动中迟到一小时")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#complaints"));

		String html = this.mvc.perform(get(page()).with(user(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("2.5 小时", "1.5 小时", "优秀志愿者", "部团委", ">优秀<", "志愿者协会", "服务认真", "活动中迟到一小时", "待处理",
				"id=\"training-form\"");
		assertThat(html.indexOf("领事保护知识讲座")).as("newest training first").isLessThan(html.indexOf("急救培训"));

		assertThat(audited("training_record")).isEqualTo(2);
		assertThat(audited("award")).isEqualTo(1);
		assertThat(audited("evaluation")).isEqualTo(1);
		assertThat(audited("complaint")).isEqualTo(1);
	}

	@Test
	void aGovernmentAwardWithoutProofIsRefusedWithAMessageAndNothingIsStored() throws Exception {
		this.mvc
			.perform(award(this.admin, null, null).param("name", "全国优秀志愿者")
				.param("awardedOn", this.today.minusDays(5).toString())
				.param("awardingBody", "共青团中央")
				.param("government", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("政府表彰须上传证明文件")))
			.andExpect(content().string(containsString("id=\"award-proof-errors\"")))
			.andExpect(content().string(containsString("value=\"全国优秀志愿者\"")))
			.andExpect(content().string(containsString("value=\"共青团中央\"")));

		byte[] exe = "MZ\u0090\u0000This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
		this.mvc
			.perform(award(this.admin, "证书.pdf", exe).param("name", "全国优秀志愿者")
				.param("awardedOn", this.today.minusDays(5).toString())
				.param("awardingBody", "共青团中央")
				.param("government", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只接受 PDF、JPEG 或 PNG 文件")));

		byte[] large = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, large, 0, PDF.length);
		this.mvc
			.perform(award(this.admin, "扫描件.pdf", large).param("name", "全国优秀志愿者")
				.param("awardedOn", this.today.minusDays(5).toString())
				.param("awardingBody", "共青团中央")
				.param("government", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("证明文件不能超过 10 MB")));

		assertThat(count("select count(*) from award where volunteer_id = ?")).isZero();
		assertThat(count("select count(*) from service_file where volunteer_id = ?")).isZero();
		// the service refuses it too, whoever calls it
		assertThatThrownBy(() -> this.profile.addAward(VolunteerFixture.SYSTEM, this.id,
				new ServiceProfile.NewAward("全国优秀志愿者", this.today, "共青团中央", true), null, this.admin.id()))
			.isInstanceOf(InvalidProfileEntryException.class);
	}

	@Test
	void aGovernmentAwardWithAPdfProofIsDownloadableByTheAdminAndTheVolunteerOnly() throws Exception {
		this.mvc
			.perform(award(this.admin, "../../表彰决定.exe", PDF).param("name", "全国优秀志愿者")
				.param("awardedOn", this.today.minusDays(5).toString())
				.param("awardingBody", "共青团中央")
				.param("government", "true"))
			.andExpect(redirectedUrl(page() + "#awards"));
		long award = this.jdbc.sql("select id from award where volunteer_id = ? and government")
			.param(this.id.value())
			.query(Long.class)
			.single();

		String adminProof = page() + "/awards/" + award + "/proof";
		this.mvc.perform(get(adminProof).with(user(this.admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString(".pdf")))
			.andExpect(content().bytes(PDF));
		String ownProof = "/me/record/awards/" + award + "/proof";
		this.mvc.perform(get(ownProof).with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(PDF));
		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(content().string(containsString(ownProof)))
			.andExpect(content().string(containsString("政府表彰")));

		SignedInAccount other = principalOf(this.fixture.active(this.unit, "王五"));
		this.mvc.perform(get(ownProof).with(user(other))).andExpect(status().isNotFound());
		this.mvc.perform(get(adminProof).with(user(other))).andExpect(status().isNotFound());
		UnitId elsewhere = this.fixture.unit(this.fixture.root(), "别处");
		this.mvc.perform(get(adminProof).with(user(this.fixture.adminOf(elsewhere)))).andExpect(status().isNotFound());
		this.mvc.perform(get(adminProof).with(user(this.fixture.account("leader", Role.LEADERSHIP))))
			.andExpect(status().isNotFound());

		assertThat(this.jdbc.sql("""
				select string_agg(action, ',' order by id) from audit_entry
				where entity_type = 'award' and entity_id = ?""")
			.param(String.valueOf(award))
			.query(String.class)
			.single()).isEqualTo("added,proof-viewed");
		assertThat(audited("service_file")).isEqualTo(1);
	}

	@Test
	void adminsOfOtherUnitsAndVolunteersGetNotFoundAndLeadershipOnlyReads() throws Exception {
		UnitId elsewhere = this.fixture.unit(this.fixture.root(), "别处");
		SignedInAccount stranger = this.fixture.adminOf(elsewhere);
		this.mvc.perform(get(page()).with(user(stranger))).andExpect(status().isNotFound());
		addTraining(stranger, "冒名培训", "1", this.today).andExpect(status().isNotFound());
		this.mvc.perform(get(page()).with(user(this.volunteer))).andExpect(status().isNotFound());

		SignedInAccount leader = this.fixture.account("leader", Role.LEADERSHIP);
		this.mvc.perform(get(page()).with(user(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"service-read-only\"")))
			.andExpect(content().string(not(containsString("id=\"training-form\""))));
		addTraining(leader, "冒名培训", "1", this.today).andExpect(status().isForbidden());

		// an admin of a unit above the volunteer's manages them too
		SignedInAccount above = this.fixture.adminOf(this.fixture.root());
		addTraining(above, "上级单位培训", "1", this.today).andExpect(redirectedUrl(page() + "#training"));
		assertThat(count("select count(*) from training_record where volunteer_id = ?")).isEqualTo(1);
	}

	@Test
	void aRefusedFormKeepsWhatWasTypedAndStoresNothing() throws Exception {
		this.mvc
			.perform(post(page() + "/training").param("name", " ")
				.param("hours", "12.345")
				.param("organiser", "红十字会北京分会")
				.param("content", "心肺复苏")
				.param("heldOn", this.today.plusDays(1).toString())
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"training-name-errors\"")))
			.andExpect(content().string(containsString("请填写此项")))
			.andExpect(content().string(containsString("id=\"training-hours-errors\"")))
			.andExpect(content().string(containsString("最多两位小数")))
			.andExpect(content().string(containsString("id=\"training-heldOn-errors\"")))
			.andExpect(content().string(containsString("日期不能晚于今天")))
			.andExpect(content().string(containsString("value=\"红十字会北京分会\"")))
			.andExpect(content().string(containsString("value=\"12.345\"")))
			.andExpect(content().string(containsString("心肺复苏")))
			.andExpect(content().string(containsString("id=\"service-errors\"")));
		this.mvc
			.perform(post(page() + "/training").param("name", "急救")
				.param("hours", "1001")
				.param("organiser", "红十字会")
				.param("heldOn", this.today.toString())
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("时长须在 0 到 1000 小时之间")));
		this.mvc
			.perform(post(page() + "/evaluations").param("evaluatedOn", this.today.toString())
				.param("evaluator", "协会")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择评价等级")))
			.andExpect(content().string(containsString("value=\"协会\"")));
		this.mvc
			.perform(post(page() + "/complaints").param("receivedOn", this.today.toString())
				.param("content", "")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"complaint-content-errors\"")));

		assertThat(count("select count(*) from training_record where volunteer_id = ?")).isZero();
		assertThat(count("select count(*) from evaluation where volunteer_id = ?")).isZero();
		assertThat(count("select count(*) from complaint where volunteer_id = ?")).isZero();
		assertThat(audited("training_record")).isZero();
	}

	@Test
	void aComplaintIsResolvedOnceAndTheVolunteerSeesItOnlyThen() throws Exception {
		this.mvc
			.perform(post(page() + "/complaints").param("receivedOn", this.today.toString())
				.param("content", "未按时到岗")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#complaints"));
		long complaint = this.jdbc.sql("select id from complaint where volunteer_id = ?")
			.param(this.id.value())
			.query(Long.class)
			.single();
		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("未按时到岗"))));

		String resolve = page() + "/complaints/" + complaint + "/resolve";
		this.mvc.perform(post(resolve).param("outcome", "DISMISSED").with(user(this.admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"resolution-" + complaint + "-errors\"")));
		this.mvc
			.perform(post(resolve).param("outcome", "DISMISSED")
				.param("resolution", "经核实，当天活动改期，已提前通知")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl(page() + "#complaints"));
		this.mvc.perform(
				post(resolve).param("outcome", "UPHELD").param("resolution", "改判").with(user(this.admin)).with(csrf()))
			.andExpect(flash().attribute("problem", "servicerecord.profile.complaint.alreadyResolved"));

		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(content().string(containsString("未按时到岗")))
			.andExpect(content().string(containsString("投诉不成立")))
			.andExpect(content().string(containsString("经核实，当天活动改期，已提前通知")));
		assertThat(this.jdbc.sql("""
				select string_agg(action, ',' order by id) from audit_entry
				where entity_type = 'complaint' and entity_id = ?""")
			.param(String.valueOf(complaint))
			.query(String.class)
			.single()).isEqualTo("added,resolved");
	}

	@Test
	void theVolunteerSeesTheirOwnRecordAndNobodyElses() throws Exception {
		VolunteerId otherId = this.fixture.active(this.unit, "李四");
		SignedInAccount other = principalOf(otherId);
		addTraining("本人的培训", "3", this.today.minusDays(2)).andExpect(status().is3xxRedirection());
		this.profile.addTraining(VolunteerFixture.SYSTEM, otherId,
				new ServiceProfile.NewTraining("别人的培训", null, java.math.BigDecimal.ONE, "协会", this.today),
				this.admin.id());
		this.profile.addEvaluation(VolunteerFixture.SYSTEM, otherId,
				new ServiceProfile.NewEvaluation(Rating.FAIL, this.today, "协会", "别人的评语"), this.admin.id());

		this.mvc.perform(get("/me/record").with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本人的培训")))
			.andExpect(content().string(containsString("3 小时")))
			.andExpect(content().string(not(containsString("别人的培训"))))
			.andExpect(content().string(not(containsString("别人的评语"))));
		this.mvc.perform(get("/me/record").with(user(other)))
			.andExpect(content().string(containsString("别人的培训")))
			.andExpect(content().string(not(containsString("本人的培训"))));
		this.mvc.perform(get("/me/record").with(user(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"record-none\"")));
	}

	private org.springframework.test.web.servlet.ResultActions addTraining(String name, String hours, LocalDate day)
			throws Exception {
		return addTraining(this.admin, name, hours, day);
	}

	private org.springframework.test.web.servlet.ResultActions addTraining(SignedInAccount by, String name,
			String hours, LocalDate day) throws Exception {
		return this.mvc.perform(post(page() + "/training").param("name", name)
			.param("hours", hours)
			.param("organiser", "志愿者协会")
			.param("heldOn", day.toString())
			.with(user(by))
			.with(csrf()));
	}

	private MockMultipartHttpServletRequestBuilder award(SignedInAccount by, String fileName, byte[] content) {
		MockMultipartHttpServletRequestBuilder request = multipart(page() + "/awards");
		if (fileName != null) {
			request.file(new MockMultipartFile("proof", fileName, "application/pdf", content));
		}
		request.with(user(by)).with(csrf());
		return request;
	}

	private String page() {
		return "/volunteers/" + this.id.value() + "/service";
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).param(this.id.value()).query(Integer.class).single();
	}

	private int audited(String entityType) {
		return this.jdbc.sql("""
				select count(*) from audit_entry
				where entity_type = ? and action in ('added', 'uploaded') and after_state ->> 'volunteer' = ?""")
			.params(entityType, String.valueOf(this.id.value()))
			.query(Integer.class)
			.single();
	}

	private SignedInAccount principalOf(VolunteerId volunteer) {
		return this.fixture.principal(this.volunteers.get(VolunteerFixture.SYSTEM, volunteer).accountId());
	}

}
