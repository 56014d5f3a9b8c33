package org.tongxing.volunteer.registry;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry's search, a volunteer's admin page and the audited "show": only volunteers
 * in the viewer's subtree ever appear, each filter narrows, sorting and paging keep the
 * filter, which lives in the URL.
 */
@IntegrationTest
class RegistryIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	JdbcClient jdbc;

	RegistryData data;

	@BeforeEach
	void data() {
		this.data = new RegistryData(this.units, this.accounts, this.volunteers, this.jdbc);
	}

	// --- scope ---

	@Test
	void anAdminSeesTheVolunteersOfTheirSubtreeAndNeverAnotherUnits() throws Exception {
		RegistryData d = this.data;
		assertThat(list(d.adminOfA, get("/volunteers"))).containsAll(RegistryData.ids(d.a1, d.a2, d.a3, d.a4))
			.doesNotContain(d.b1.value());
		// filters cannot reach outside the scope: B's unit, B's volunteer's name, B's
		// volunteer's skills
		assertThat(list(d.adminOfA, get("/volunteers").param("unit", d.b.toString()))).isEmpty();
		assertThat(list(d.adminOfA, get("/volunteers").param("q", d.name("b1")))).isEmpty();
		assertThat(list(d.adminOfA, get("/volunteers").param("skill", "law").param("skillLevel", "3")))
			.doesNotContain(d.b1.value());
		this.mvc.perform(get("/volunteers/" + d.b1).with(user(d.adminOfA))).andExpect(status().isNotFound());
		this.mvc.perform(get("/volunteers/987654321").with(user(d.adminOfA))).andExpect(status().isNotFound());
		this.mvc
			.perform(
					post("/volunteers/" + d.b1 + "/reveal").param("field", "PHONE").with(user(d.adminOfA)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(auditCount(d.b1, "revealed-phone")).isZero();
	}

	@Test
	void coordinatorsAndLeadershipSeeEveryUnitAndAPlainVolunteerIsRefused() throws Exception {
		RegistryData d = this.data;
		Set<Long> all = RegistryData.ids(d.a1, d.a2, d.a3, d.a4, d.b1);
		for (SignedInAccount viewer : List.of(d.coordinator, d.leader)) {
			assertThat(list(viewer, get("/volunteers").param("q", d.fixture.tag)))
				.containsExactlyInAnyOrderElementsOf(all);
			this.mvc.perform(get("/volunteers/" + d.b1).with(user(viewer))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/volunteers").with(user(d.plainVolunteer))).andExpect(status().isForbidden());
		this.mvc.perform(get("/volunteers/" + d.a1).with(user(d.plainVolunteer))).andExpect(status().isForbidden());
		this.mvc.perform(get("/volunteers/export").with(user(d.plainVolunteer))).andExpect(status().isForbidden());
	}

	@Test
	void theListShowsOnlyMaskedPersonalData() throws Exception {
		RegistryData d = this.data;
		VolunteerDetails a1 = d.details.get(d.a1);
		String html = page(d.adminOfA, get("/volunteers").param("q", d.name("a1")));
		assertThat(html).doesNotContain(a1.idNumber())
			.doesNotContain(a1.phone())
			.contains(a1.idNumber().substring(0, 3) + "***********" + a1.idNumber().substring(14))
			.contains(a1.phone().substring(0, 3) + "****" + a1.phone().substring(7));
	}

	// --- filters ---

	@Test
	void eachFilterNarrowsTheResults() throws Exception {
		RegistryData d = this.data;
		SignedInAccount c = d.coordinator;
		String a = d.a.toString();
		assertThat(list(c, get("/volunteers").param("unit", a)))
			.containsExactlyInAnyOrderElementsOf(RegistryData.ids(d.a1, d.a2, d.a3, d.a4));
		assertThat(list(c, get("/volunteers").param("unit", d.a1Unit.toString())))
			.containsExactlyInAnyOrderElementsOf(RegistryData.ids(d.a2, d.a4));
		assertThat(list(c, filter(a).param("status", "APPLICANT"))).containsExactly(d.a2.value());
		assertThat(list(c, filter(a).param("skill", "law").param("skillLevel", "1")))
			.containsExactlyInAnyOrderElementsOf(RegistryData.ids(d.a1, d.a3));
		assertThat(list(c, filter(a).param("skill", "law").param("skillLevel", "3"))).containsExactly(d.a1.value());
		assertThat(list(c, filter(a).param("language", "fr").param("languageLevel", "3")))
			.containsExactly(d.a1.value());
		assertThat(list(c, filter(a).param("language", "fr")))
			.containsExactlyInAnyOrderElementsOf(RegistryData.ids(d.a1, d.a3));
		// approved and valid only: a2's has expired, a3's is pending
		assertThat(list(c, filter(a).param("qualification", "lawyer-licence"))).containsExactly(d.a1.value());
		assertThat(list(c, filter(a).param("country", "法国"))).containsExactly(d.a3.value());
		assertThat(list(c, filter(a).param("age", "UNDER_18"))).containsExactly(d.a4.value());
		assertThat(list(c, filter(a).param("age", "FROM_18_TO_35"))).containsExactly(d.a2.value());
		assertThat(list(c, filter(a).param("age", "FROM_36_TO_60"))).containsExactly(d.a1.value());
		assertThat(list(c, filter(a).param("age", "OVER_60"))).containsExactly(d.a3.value());
		assertThat(list(c, filter(a).param("from", "2020-01-01").param("to", "2020-12-31")))
			.containsExactly(d.a1.value());
		assertThat(list(c, filter(a).param("to", "2021-06-01")))
			.containsExactlyInAnyOrderElementsOf(RegistryData.ids(d.a1, d.a2));
		// text: part of a name, the email (any case), the volunteer number
		assertThat(list(c, filter(a).param("q", "a3-" + d.fixture.tag.substring(0, 4)))).containsExactly(d.a3.value());
		assertThat(list(c, filter(a).param("q", d.details.get(d.a4).email().toUpperCase())))
			.containsExactly(d.a4.value());
		String number = this.volunteers.get(VolunteerFixture.SYSTEM, d.a1).number();
		assertThat(list(c, get("/volunteers").param("q", number))).containsExactly(d.a1.value());
		// filters combine
		assertThat(list(c,
				filter(a).param("skill", "law")
					.param("language", "fr")
					.param("languageLevel", "2")
					.param("age", "OVER_60")))
			.containsExactly(d.a3.value());
	}

	@Test
	void wildcardsAndBadValuesInTheUrlAreNeitherErrorsNorWildcards() throws Exception {
		RegistryData d = this.data;
		assertThat(list(d.coordinator, filter(d.a.toString()).param("q", "%"))).isEmpty();
		assertThat(list(d.coordinator, filter(d.a.toString()).param("q", "_"))).isEmpty();
		// a value that does not parse is dropped; the rest of the filter still applies
		assertThat(list(d.coordinator,
				filter(d.a.toString()).param("status", "NOPE")
					.param("age", "ANCIENT")
					.param("from", "yesterday")
					.param("skillLevel", "x")
					.param("sort", "password")
					.param("page", "-3")))
			.containsExactlyInAnyOrderElementsOf(RegistryData.ids(d.a1, d.a2, d.a3, d.a4));
		assertThat(list(d.coordinator, get("/volunteers").param("unit", "banana").param("q", d.name("b1"))))
			.containsExactly(d.b1.value());
	}

	// --- sorting, paging, the URL ---

	@Test
	void sortingOrdersTheResultsBothWays() throws Exception {
		RegistryData d = this.data;
		List<Long> byName = List.copyOf(list(d.coordinator, filter(d.a.toString()).param("sort", "NAME")));
		assertThat(byName).containsExactly(d.a1.value(), d.a2.value(), d.a3.value(), d.a4.value());
		assertThat(List.copyOf(list(d.coordinator, filter(d.a.toString()).param("sort", "NAME").param("desc", "true"))))
			.containsExactly(d.a4.value(), d.a3.value(), d.a2.value(), d.a1.value());
		// registered: a1 (2020), a2 (2021), then a3 and a4 (today, in that order)
		assertThat(List.copyOf(list(d.coordinator, filter(d.a.toString()).param("sort", "REGISTERED"))))
			.containsExactly(d.a1.value(), d.a2.value(), d.a3.value(), d.a4.value());
		// unit: A's name sorts before A1's
		assertThat(List.copyOf(list(d.coordinator, filter(d.a.toString()).param("sort", "UNIT"))))
			.containsExactly(d.a1.value(), d.a3.value(), d.a2.value(), d.a4.value());
		// number: applicants have none and come last
		assertThat(List.copyOf(list(d.coordinator, filter(d.a.toString()).param("sort", "NUMBER")))).last()
			.isEqualTo(d.a2.value());
	}

	@Test
	void pagesHoldTwentyFiveAndTheirLinksKeepTheFilter() throws Exception {
		RegistryData d = this.data;
		UnitId c = d.fixture.unit(d.a, "C");
		for (int i = 0; i < 26; i++) {
			d.register(c, d.name(String.format("c%02d", i)), java.time.LocalDate.of(1990, 1, 1).plusDays(i),
					java.util.Map.of(), java.util.Map.of(), null, org.tongxing.volunteer.NewVolunteer.ADMIN,
					org.tongxing.volunteer.Guardian.none());
		}
		String first = page(d.adminOfA, get("/volunteers").param("unit", c.toString()).param("status", "ACTIVE"));
		assertThat(RegistryData.listed(first)).hasSize(25);
		Document document = Jsoup.parse(first);
		assertThat(document.select("#registry-count").text()).contains("26");
		String next = document.select("#registry-next").attr("href");
		assertThat(next).contains("unit=" + c).contains("status=ACTIVE").contains("page=1");
		String second = page(d.adminOfA, get(next));
		Set<Long> rest = RegistryData.listed(second);
		assertThat(rest).hasSize(1).doesNotContainAnyElementsOf(RegistryData.listed(first));
		assertThat(Jsoup.parse(second).select("#registry-previous").attr("href")).contains("unit=" + c)
			.doesNotContain("page=");
		// a page past the end shows the last page
		assertThat(list(d.adminOfA, get("/volunteers").param("unit", c.toString()).param("page", "99")))
			.isEqualTo(rest);
	}

	@Test
	void theFilterRoundTripsThroughTheUrl() throws Exception {
		RegistryData d = this.data;
		MockHttpServletRequestBuilder request = get("/volunteers").param("unit", d.a.toString())
			.param("status", "ACTIVE")
			.param("skill", "law")
			.param("skillLevel", "2")
			.param("language", "fr")
			.param("languageLevel", "3")
			.param("qualification", "lawyer-licence")
			.param("age", "FROM_36_TO_60")
			.param("from", "2020-01-01")
			.param("to", "2020-12-31")
			.param("sort", "REGISTERED")
			.param("desc", "true")
			.param("q", "a1");
		String html = page(d.coordinator, request);
		assertThat(RegistryData.listed(html)).containsExactly(d.a1.value());
		Document document = Jsoup.parse(html);
		assertThat(document.select("#unit option[selected]").val()).isEqualTo(d.a.toString());
		assertThat(document.select("#status option[selected]").val()).isEqualTo("ACTIVE");
		assertThat(document.select("#skill option[selected]").val()).isEqualTo("law");
		assertThat(document.select("#skillLevel option[selected]").val()).isEqualTo("2");
		assertThat(document.select("#language option[selected]").val()).isEqualTo("fr");
		assertThat(document.select("#languageLevel option[selected]").val()).isEqualTo("3");
		assertThat(document.select("#qualification option[selected]").val()).isEqualTo("lawyer-licence");
		assertThat(document.select("#age option[selected]").val()).isEqualTo("FROM_36_TO_60");
		assertThat(document.select("#from").val()).isEqualTo("2020-01-01");
		assertThat(document.select("#to").val()).isEqualTo("2020-12-31");
		assertThat(document.select("#sort option[selected]").val()).isEqualTo("REGISTERED");
		assertThat(document.select("#desc option[selected]").val()).isEqualTo("true");
		assertThat(document.select("#q").val()).isEqualTo("a1");
		assertThat(document.select("#registry-more").hasAttr("open")).isTrue();
		// the export link carries the same filter, and following it finds the same
		// volunteers
		String export = document.select("#registry-export").attr("href");
		assertThat(export).startsWith("/volunteers/export?");
		String again = page(d.coordinator, get(export.replace("/volunteers/export", "/volunteers")));
		assertThat(RegistryData.listed(again)).containsExactly(d.a1.value());
		// the sort link of the current column reverses it and keeps the filter
		String sortLink = document.select("th[aria-sort=descending] a").attr("href");
		assertThat(sortLink).contains("sort=REGISTERED").doesNotContain("desc=").contains("skill=law");
	}

	@Test
	void htmxGetsOnlyTheResults() throws Exception {
		RegistryData d = this.data;
		String fragment = this.mvc.perform(
				get("/volunteers").param("unit", d.a.toString()).header("HX-Request", "true").with(user(d.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).doesNotContain("<html")
			.doesNotContain("registry-filter")
			.contains("id=\"registry-results\"");
		assertThat(RegistryData.listed(fragment))
			.containsExactlyInAnyOrderElementsOf(RegistryData.ids(d.a1, d.a2, d.a3, d.a4));
	}

	// --- one volunteer ---

	@Test
	void theVolunteersPageShowsTheRecordMaskedWithTheManagersActions() throws Exception {
		RegistryData d = this.data;
		VolunteerDetails a2 = d.details.get(d.a2);
		String html = page(d.adminOfA, get("/volunteers/" + d.a2));
		Document document = Jsoup.parse(html);
		assertThat(html).doesNotContain(a2.idNumber()).doesNotContain(a2.phone());
		assertThat(document.select("#volunteer-name").text()).isEqualTo(d.name("a2"));
		assertThat(document.select("#volunteer-unit").attr("href")).isEqualTo("/units/" + d.a1Unit);
		assertThat(document.select("#volunteer-memberships tbody tr")).hasSize(1);
		assertThat(document.select("#volunteer-qualifications tbody tr")).hasSize(1);
		assertThat(document.select("#volunteer-skills").text()).contains("急救");
		// an applicant: approve and reject, posting back to this page
		assertThat(document.select("#volunteer-actions form").eachAttr("action"))
			.containsExactly("/volunteers/" + d.a2 + "/approve", "/volunteers/" + d.a2 + "/reject");
		assertThat(document.select("#volunteer-reject-form input[name=reason]")).hasSize(1);
		assertThat(document.select("#volunteer-approve-form input[name=redirect]").val())
			.isEqualTo("/volunteers/" + d.a2);
		assertThat(document.select("#volunteer-transfer").attr("href")).isEqualTo("/volunteers/" + d.a2 + "/transfer");
		assertThat(document.select("button[hx-post]").eachAttr("hx-post")).containsExactlyInAnyOrder(
				"/volunteers/" + d.a2 + "/reveal?field=ID_NUMBER", "/volunteers/" + d.a2 + "/reveal?field=PHONE");
		// an active volunteer: suspend and leave
		Document active = Jsoup.parse(page(d.adminOfA, get("/volunteers/" + d.a1)));
		assertThat(active.select("#volunteer-actions form").eachAttr("action"))
			.containsExactly("/volunteers/" + d.a1 + "/suspend", "/volunteers/" + d.a1 + "/leave");
		// the minor's guardian, masked, with a show button
		Document minor = Jsoup.parse(page(d.adminOfA, get("/volunteers/" + d.a4)));
		assertThat(minor.select("#volunteer-guardian").text()).contains("监护人").contains("137****1111");
		assertThat(minor.select("button[hx-post]").eachAttr("hx-post"))
			.contains("/volunteers/" + d.a4 + "/reveal?field=GUARDIAN_PHONE");
	}

	@Test
	void leadershipReadsThePageWithoutActionsOrShowButtons() throws Exception {
		RegistryData d = this.data;
		Document document = Jsoup.parse(page(d.leader, get("/volunteers/" + d.a2)));
		assertThat(document.select("#volunteer-name").text()).isEqualTo(d.name("a2"));
		assertThat(document.select("#volunteer-actions")).isEmpty();
		assertThat(document.select("#volunteer-transfer")).isEmpty();
		assertThat(document.select("button[hx-post]")).isEmpty();
	}

	@Test
	void showRevealsOneFieldToAManagerAndRecordsIt() throws Exception {
		RegistryData d = this.data;
		VolunteerDetails a4 = d.details.get(d.a4);
		String phone = this.mvc
			.perform(post("/volunteers/" + d.a4 + "/reveal").param("field", "PHONE")
				.header("HX-Request", "true")
				.with(user(d.adminOfA))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(phone).contains(a4.phone()).contains("id=\"reveal-PHONE\"").doesNotContain("<html");
		assertThat(auditCount(d.a4, "revealed-phone")).isEqualTo(1);
		String guardian = page(d.coordinator,
				post("/volunteers/" + d.a4 + "/reveal").param("field", "GUARDIAN_PHONE").with(csrf()));
		assertThat(guardian).contains("13700001111");
		assertThat(auditCount(d.a4, "revealed-guardian-phone")).isEqualTo(1);
		this.mvc.perform(
				post("/volunteers/" + d.a4 + "/reveal").param("field", "PASSWORD").with(user(d.adminOfA)).with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void leadershipMayNotRevealAndNothingIsRecorded() throws Exception {
		RegistryData d = this.data;
		this.mvc.perform(
				post("/volunteers/" + d.a1 + "/reveal").param("field", "ID_NUMBER").with(user(d.leader)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(auditCount(d.a1, "revealed-id-number")).isZero();
	}

	// --- helpers ---

	MockHttpServletRequestBuilder filter(String unit) {
		return get("/volunteers").param("unit", unit);
	}

	Set<Long> list(SignedInAccount viewer, MockHttpServletRequestBuilder request) throws Exception {
		return RegistryData.listed(page(viewer, request));
	}

	String page(SignedInAccount viewer, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long auditCount(VolunteerId volunteer, String action) {
		return this.jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'volunteer' and entity_id = :id and action = :action")
			.param("id", volunteer.toString())
			.param("action", action)
			.query(Long.class)
			.single();
	}

}
