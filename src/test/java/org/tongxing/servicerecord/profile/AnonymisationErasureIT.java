package org.tongxing.servicerecord.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockMultipartFile;

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
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.OwnDataSource;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Anonymising a volunteer (their confirmed deletion request) erases what the service
 * records say about them in free text and files — complaint texts and resolutions,
 * evaluation comments, award proofs, the evidence of declared hours, check-in points —
 * while the ledger keeps their hours, and another volunteer's data stay as they were.
 */
@IntegrationTest
class AnonymisationErasureIT {

	static final byte[] PDF = ServiceProfileIT.PDF;

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
	ServiceProfile profile;

	@Autowired
	List<OwnDataSource> ownData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymisingErasesTextsAndFilesKeepsTheHoursAndLeavesOthersAlone() throws Exception {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(people, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = people.unit(people.root(), "匿名化");
		SignedInAccount admin = people.adminOf(unit);
		Running running = fixture.session(unit, "社区图书角", Duration.ofHours(4), Duration.ofHours(3));
		AccountId leaving = fixture.attendee(running, unit, "要注销的人");
		AccountId staying = fixture.attendee(running, unit, "留下的人");
		VolunteerId gone = fixture.volunteerId(leaving);
		VolunteerId other = fixture.volunteerId(staying);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		for (AccountId account : List.of(leaving, staying)) {
			VolunteerId volunteer = fixture.volunteerId(account);
			fixture.attend(running, account, running.startsAt(), running.endsAt());
			long attended = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session())
				.stream()
				.filter((e) -> e.volunteer().equals(volunteer))
				.findFirst()
				.orElseThrow()
				.id();
			this.records.confirm(ServiceRecordFixture.SYSTEM, attended, admin.id());
			// declared on the volunteer's page, with evidence
			this.mvc
				.perform(multipart("/me/hours/declare")
					.file(new MockMultipartFile("evidence", "王某某的证明.pdf", "application/pdf", PDF))
					.param("activityName", "社区外的服务")
					.param("serviceDate", today.minusDays(3).toString())
					.param("place", "敬老院")
					.param("organiser", "街道办")
					.param("hours", "2")
					.param("description", "陪伴老人聊天")
					.with(user(people.principal(account)))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
			long declared = this.jdbc
				.sql("select id from service_entry where volunteer_id = ? and kind = 'SELF_DECLARED'")
				.param(volunteer.value())
				.query(Long.class)
				.single();
			this.records.confirm(ServiceRecordFixture.SYSTEM, declared, admin.id());
			this.profile.addAward(ServiceRecordFixture.SYSTEM, volunteer,
					new ServiceProfile.NewAward("全国优秀志愿者", today.minusDays(5), "共青团中央", true),
					new ServiceProfile.Upload("表彰决定.pdf", PDF), admin.id());
			this.profile.addEvaluation(ServiceRecordFixture.SYSTEM, volunteer,
					new ServiceProfile.NewEvaluation(Rating.GOOD, today, "协会", "性格内向，家中有困难"), admin.id());
			long complaint = this.profile.addComplaint(ServiceRecordFixture.SYSTEM, volunteer,
					new ServiceProfile.NewComplaint(today.minusDays(1), "对服务对象态度生硬"), admin.id());
			this.profile.resolveComplaint(ServiceRecordFixture.SYSTEM, volunteer, complaint, ComplaintStatus.UPHELD,
					"已当面批评教育", admin.id());
		}
		// a check-in point, as a geofenced check-in keeps it
		this.jdbc.sql("update attendance set latitude = 39.9, longitude = 116.4 where volunteer_id in (?, ?)")
			.params(gone.value(), other.value())
			.update();
		BigDecimal hoursBefore = this.records.total(gone);
		assertThat(hoursBefore).isGreaterThan(new BigDecimal("2"));
		int entriesBefore = count("select count(*) from service_entry where volunteer_id = ?", gone);
		String othersDataBefore = ownData(other);
		long othersAward = this.jdbc.sql("select id from award where volunteer_id = ?")
			.param(other.value())
			.query(Long.class)
			.single();

		SignedInAccount coordinator = people.account("协调员", Role.COORDINATOR);
		anonymise(people, coordinator, gone);

		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, gone).isAnonymised()).isTrue();
		// the files: rows kept for the ledger and the award, names and bytes gone
		assertThat(count("select count(*) from service_file where volunteer_id = ?", gone)).isEqualTo(2);
		assertThat(count("""
				select count(*) from service_file where volunteer_id = ?
				and (erased_at is null or octet_length(content) > 0 or size_bytes > 0 or file_name <> 'erased')""",
				gone))
			.isZero();
		assertThat(count(
				"select count(*) from complaint where volunteer_id = ? and content = '' and resolution is null", gone))
			.isEqualTo(1);
		assertThat(count("select count(*) from evaluation where volunteer_id = ? and comment is null", gone))
			.isEqualTo(1);
		assertThat(count("select count(*) from attendance where volunteer_id = ? and latitude is null", gone))
			.isEqualTo(1);
		String left = this.jdbc.sql("""
				select concat_ws(' ', (select string_agg(c::text, ' ') from complaint c where volunteer_id = :id),
				  (select string_agg(e::text, ' ') from evaluation e where volunteer_id = :id),
				  (select string_agg(f.file_name, ' ') from service_file f where volunteer_id = :id))""")
			.param("id", gone.value())
			.query(String.class)
			.single();
		assertThat(left).doesNotContain("态度生硬", "批评教育", "家中有困难", "王某某", "表彰决定");
		// the hours stay, against the anonymised volunteer
		assertThat(this.records.total(gone)).isEqualByComparingTo(hoursBefore);
		assertThat(count("select count(*) from service_entry where volunteer_id = ?", gone)).isEqualTo(entriesBefore);
		// the award itself stays (a record of the service), its proof is no longer served
		long goneAward = this.jdbc.sql("select id from award where volunteer_id = ?")
			.param(gone.value())
			.query(Long.class)
			.single();
		this.mvc
			.perform(get("/volunteers/" + gone.value() + "/service/awards/" + goneAward + "/proof")
				.with(user(coordinator)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/volunteers/" + gone.value() + "/service").with(user(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("全国优秀志愿者")))
			.andExpect(content().string(containsString("id=\"service-erased\"")))
			.andExpect(content().string(not(containsString("态度生硬"))));
		String audit = this.jdbc.sql("""
				select after_state::text from audit_entry
				where entity_type = 'volunteer' and entity_id = ? and action = 'anonymised'""")
			.param(String.valueOf(gone.value()))
			.query(String.class)
			.single();
		assertThat(audit).contains("\"serviceFiles\": 2", "\"complaintTexts\": 1", "\"evaluationComments\": 1",
				"\"checkInPoints\": 1");

		// the other volunteer's data and files are as they were
		assertThat(ownData(other)).isEqualTo(othersDataBefore);
		assertThat(othersDataBefore).contains("对服务对象态度生硬", "性格内向，家中有困难");
		this.mvc.perform(get("/me/record/awards/" + othersAward + "/proof").with(user(people.principal(staying))))
			.andExpect(status().isOk())
			.andExpect(content().bytes(PDF));
		assertThat(count("select count(*) from service_file where volunteer_id = ? and erased_at is null", other))
			.isEqualTo(2);
	}

	private void anonymise(VolunteerFixture people, SignedInAccount coordinator, VolunteerId volunteer)
			throws Exception {
		SignedInAccount self = people.principal(this.volunteers.get(VolunteerFixture.SYSTEM, volunteer).accountId());
		this.mvc.perform(post("/me/deletion").param("understood", "true").with(user(self)).with(csrf()))
			.andExpect(redirectedUrl("/me/data"));
		this.mvc
			.perform(post("/privacy/deletions/" + volunteer.value() + "/confirm").with(user(coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/privacy/deletions"));
	}

	private String ownData(VolunteerId volunteer) {
		StringBuilder data = new StringBuilder();
		for (OwnDataSource source : this.ownData) {
			for (Map.Entry<String, List<Map<String, Object>>> section : source.ownData(volunteer).entrySet()) {
				data.append(section.getKey()).append('=').append(section.getValue()).append('\n');
			}
		}
		return data.toString();
	}

	private int count(String sql, VolunteerId volunteer) {
		return this.jdbc.sql(sql).param(volunteer.value()).query(Integer.class).single();
	}

}
