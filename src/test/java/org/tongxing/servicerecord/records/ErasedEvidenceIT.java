package org.tongxing.servicerecord.records;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

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
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The evidence of a declaration whose volunteer was anonymised is erased: the admin's
 * record page and the volunteer's hours page say so where the download link was, and both
 * download addresses answer 404 — never an empty file named "erased". Another volunteer's
 * evidence still downloads.
 */
@IntegrationTest
class ErasedEvidenceIT {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
	JdbcClient jdbc;

	@Test
	void erasedEvidenceIsNotServedAndThePagesSaySo() throws Exception {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(people, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = people.unit(people.root(), "证据删除");
		SignedInAccount admin = people.adminOf(unit);
		Running running = fixture.session(unit, "证据删除活动", Duration.ofHours(4), Duration.ofHours(3));
		AccountId leaving = fixture.attendee(running, unit, "注销证据人");
		AccountId staying = fixture.attendee(running, unit, "保留证据人");
		long goneEntry = declare(people, fixture, leaving);
		long keptEntry = declare(people, fixture, staying);
		long goneFile = fileOf(goneEntry);
		long keptFile = fileOf(keptEntry);
		assertThat(recordPage(admin, goneEntry).select("#entry-evidence").attr("href"))
			.endsWith("/records/files/" + goneFile);

		anonymise(people, fixture.volunteerId(leaving));

		Document record = recordPage(admin, goneEntry);
		assertThat(record.select("#entry-evidence")).isEmpty();
		assertThat(record.select("#entry-evidence-erased").text()).isEqualTo("证据已删除（志愿者已注销，个人信息已匿名化）");
		this.mvc.perform(get("/records/files/" + goneFile).with(user(admin))).andExpect(status().isNotFound());
		SignedInAccount gone = people.principal(leaving);
		this.mvc.perform(get("/me/hours/files/" + goneFile).with(user(gone))).andExpect(status().isNotFound());
		Document hours = Jsoup.parse(this.mvc.perform(get("/me/hours").with(user(gone)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(hours.select("#entry-" + goneEntry + " .myhours-evidence")).isEmpty();
		assertThat(hours.select("#entry-" + goneEntry + " .myhours-evidence-erased").text())
			.isEqualTo("证据已删除（志愿者已注销，个人信息已匿名化）");

		// another volunteer's evidence is untouched
		assertThat(recordPage(admin, keptEntry).select("#entry-evidence-erased")).isEmpty();
		this.mvc.perform(get("/records/files/" + keptFile).with(user(admin))).andExpect(status().isOk());
		this.mvc.perform(get("/me/hours/files/" + keptFile).with(user(people.principal(staying))))
			.andExpect(status().isOk());
	}

	private long declare(VolunteerFixture people, ServiceRecordFixture fixture, AccountId account) throws Exception {
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
		this.mvc
			.perform(multipart("/me/hours/declare")
				.file(new MockMultipartFile("evidence", "服务证明.pdf", "application/pdf", PDF))
				.param("activityName", "站外服务")
				.param("serviceDate", day.toString())
				.param("place", "敬老院")
				.param("organiser", "街道办")
				.param("hours", "2")
				.param("description", "陪伴老人")
				.with(user(people.principal(account)))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		return this.jdbc.sql("select id from service_entry where volunteer_id = ? and kind = 'SELF_DECLARED'")
			.param(fixture.volunteerId(account).value())
			.query(Long.class)
			.single();
	}

	private long fileOf(long entry) {
		return this.jdbc.sql("select evidence_file_id from service_entry where id = ?")
			.param(entry)
			.query(Long.class)
			.single();
	}

	private Document recordPage(SignedInAccount admin, long entry) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/records/" + entry).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private void anonymise(VolunteerFixture people, VolunteerId volunteer) throws Exception {
		SignedInAccount self = people.principal(this.volunteers.get(VolunteerFixture.SYSTEM, volunteer).accountId());
		SignedInAccount coordinator = people.account("证据协调员", Role.COORDINATOR);
		this.mvc.perform(post("/me/deletion").param("understood", "true").with(user(self)).with(csrf()))
			.andExpect(redirectedUrl("/me/data"));
		this.mvc
			.perform(post("/privacy/deletions/" + volunteer.value() + "/confirm").with(user(coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/privacy/deletions"));
	}

}
