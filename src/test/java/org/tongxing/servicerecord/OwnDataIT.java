package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.profile.ProfileEntryKind;
import org.tongxing.servicerecord.profile.ServiceProfile;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A volunteer's own-data export (PIPL's right of access) holds their service records and
 * attendances, not other volunteers'.
 */
@IntegrationTest
class OwnDataIT {

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

	@Test
	void theOwnDataExportHoldsTheVolunteersServiceRecords() throws Exception {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(people, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = people.unit(people.root(), "本人数据");
		Running running = fixture.session(unit, "图书整理服务", Duration.ofHours(4), Duration.ofHours(3));
		AccountId volunteer = fixture.attendee(running, unit, "查数据的人");
		fixture.attend(running, volunteer, running.startsAt(), running.endsAt());
		AccountId other = fixture.attendee(running, unit, "别人");
		fixture.attend(running, other, running.startsAt(), running.startsAt().plus(Duration.ofMinutes(70)));
		long entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session())
			.stream()
			.filter((e) -> e.volunteer().equals(fixture.volunteerId(volunteer)))
			.findFirst()
			.orElseThrow()
			.id();
		this.records.confirm(ServiceRecordFixture.SYSTEM, entry, people.adminOf(unit).id());

		String json = this.mvc.perform(get("/me/data.json").with(user(people.principal(volunteer))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(json).contains("\"serviceRecords\"", "\"activityName\" : \"图书整理服务\"", "\"status\" : \"CONFIRMED\"",
				"\"attendance\"", "\"checkInMethod\" : \"CARD\"", "\"certificates\"");
		assertThat(json).containsOnlyOnce("\"activityName\"");
	}

	/**
	 * Withdrawn entries are no longer shown on the volunteer's page but are still held:
	 * the export (PIPL art. 45) holds them, marked with when and why they were withdrawn.
	 */
	@Test
	void theOwnDataExportHoldsWithdrawnEntriesMarkedAsWithdrawn() throws Exception {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(people, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = people.unit(people.root(), "撤回导出");
		SignedInAccount admin = people.adminOf(unit);
		Running running = fixture.session(unit, "撤回导出活动", Duration.ofHours(4), Duration.ofHours(3));
		AccountId account = fixture.attendee(running, unit, "有撤回记录的人");
		VolunteerId volunteer = fixture.volunteerId(account);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		this.profile.addTraining(ServiceRecordFixture.SYSTEM, volunteer,
				new ServiceProfile.NewTraining("急救培训", "心肺复苏", new BigDecimal("4"), "红十字会", today.minusDays(9)),
				admin.id());
		long wrong = this.profile.addTraining(ServiceRecordFixture.SYSTEM, volunteer,
				new ServiceProfile.NewTraining("消防培训", "灭火器使用", new BigDecimal("2"), "消防站", today.minusDays(8)),
				admin.id());
		this.profile.withdraw(ServiceRecordFixture.SYSTEM, volunteer, ProfileEntryKind.TRAINING, wrong, 0, "录错了人",
				admin.id());
		// an open complaint is left out while it is looked into; withdrawn, it is no
		// longer
		long complaint = this.profile.addComplaint(ServiceRecordFixture.SYSTEM, volunteer,
				new ServiceProfile.NewComplaint(today.minusDays(2), "迟到半小时"), admin.id());
		String before = export(people, account);
		assertThat(before).doesNotContain("迟到半小时");
		this.profile.withdraw(ServiceRecordFixture.SYSTEM, volunteer, ProfileEntryKind.COMPLAINT, complaint, 0, "投诉不实",
				admin.id());

		JsonNode data = JsonMapper.builder().build().readTree(export(people, account));
		JsonNode training = data.findValue("training");
		assertThat(training.size()).isEqualTo(2);
		JsonNode inForce = training.get(0);
		JsonNode withdrawn = training.get(1);
		assertThat(inForce.get("name").toString()).contains("急救培训");
		assertThat(inForce.get("withdrawnAt").isNull()).isTrue();
		assertThat(inForce.get("withdrawReason").isNull()).isTrue();
		assertThat(withdrawn.get("name").toString()).contains("消防培训");
		assertThat(withdrawn.get("withdrawnAt").isNull()).isFalse();
		assertThat(withdrawn.get("withdrawReason").toString()).contains("录错了人");
		JsonNode complaints = data.findValue("complaints");
		assertThat(complaints.size()).isOne();
		assertThat(complaints.get(0).get("content").toString()).contains("迟到半小时");
		assertThat(complaints.get(0).get("withdrawReason").toString()).contains("投诉不实");
		for (String section : new String[] { "awards", "evaluations" }) {
			assertThat(data.findValue(section).isArray()).isTrue();
		}
	}

	private String export(VolunteerFixture people, AccountId account) throws Exception {
		return this.mvc.perform(get("/me/data.json").with(user(people.principal(account))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
