package org.tongxing.servicerecord;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
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

}
