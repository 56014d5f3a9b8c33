package org.tongxing.volunteer.profile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page of the profile part renders in both languages, with a heading, labelled
 * controls and no unresolved message key.
 */
@IntegrationTest
class ProfilePagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Qualifications qualifications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPageRendersInBothLanguagesWithLabelledControls() throws Exception {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "G");
		VolunteerId id = fixture.active(unit, "孙丽");
		SignedInAccount volunteer = fixture.principal(this.volunteers.get(VolunteerFixture.SYSTEM, id).accountId());
		SignedInAccount coordinator = fixture.account("coord", Role.COORDINATOR);
		long type = this.jdbc.sql("select id from qualification_type where code = 'lawyer-licence'")
			.query(Long.class)
			.single();
		long qualification = this.qualifications.submit(volunteer.id(), type, "L-1", null,
				new Qualifications.Upload("licence.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
		long skill = this.jdbc.sql("select id from skill where code = 'law'").query(Long.class).single();
		Map<SignedInAccount, List<String>> pages = Map.of(volunteer,
				List.of("/me", "/me/edit", "/me/qualification", "/me/qualification?type=" + type), coordinator,
				List.of("/me", "/qualifications", "/qualifications/" + qualification, "/catalogue/skills",
						"/catalogue/qualifications", "/catalogue/skills/" + skill,
						"/volunteers/" + id.value() + "/transfer"));
		for (String language : List.of("zh_CN", "en")) {
			for (Map.Entry<SignedInAccount, List<String>> entry : pages.entrySet()) {
				for (String page : entry.getValue()) {
					String html = this.mvc.perform(get(page).param("lang", language).with(user(entry.getKey())))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getContentAsString();
					Document document = Jsoup.parse(html);
					for (Element control : document.select("input:not([type=hidden]), select, textarea")) {
						boolean labelled = !control.id().isEmpty()
								&& !document.select("label[for=" + control.id() + "]").isEmpty()
								|| control.hasAttr("aria-label");
						assertThat(labelled).as("%s (%s) on %s is labelled", control.attr("name"), control.id(), page)
							.isTrue();
					}
					assertThat(document.select("main h1")).as("heading of %s", page).isNotEmpty();
					assertThat(html).as("%s in %s has no unresolved message key", page, language).doesNotContain("??");
				}
			}
		}
	}

}
