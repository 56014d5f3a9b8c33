package org.tongxing.activity.browse;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUps;
import org.tongxing.activity.Visibility;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activity list past its first page: a card sums the sessions and places left of all
 * its sessions that match the filter, wherever it falls in the list; the link to the next
 * page keeps every filter; a renamed organising unit shows its new name at once (the
 * names are kept in memory between requests).
 */
@IntegrationTest
class ActivityListPagingIT {

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

	ActivityFixture fixture;

	UnitId unit;

	/**
	 * Every activity of a test is at this street, so the place filter finds only them.
	 */
	String street;

	LocalDate today;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "paging");
		this.street = "翻页路" + this.fixture.volunteers.tag + "号";
		this.today = LocalDate.now(ZoneId.of(ActivityFixture.ZONE));
	}

	@Test
	void aCardSumsTheSessionsAndPlacesOfItsMatchingSessionsOnAnyPage() throws Exception {
		for (int i = 0; i < ActivityListing.PAGE_SIZE; i++) {
			publish("先" + i, 2 + i, PositionDetails.open("引导员", 1));
		}
		// three sessions, after the twenty others: on the second page
		ActivityId many = this.activities.create(ActivityFixture.SYSTEM, details("多场次"), null);
		SessionId first = this.fixture.session(many, 30, 9, 12);
		PositionId open = this.activities.addPosition(ActivityFixture.SYSTEM, first, PositionDetails.open("引导员", 3));
		this.activities.addPosition(ActivityFixture.SYSTEM, first,
				new PositionDetails("律师", null, 4, Approval.AUTOMATIC, null, Set.of("law"), Set.of(), Set.of()));
		this.activities.addPosition(ActivityFixture.SYSTEM, this.fixture.session(many, 31, 9, 12),
				PositionDetails.open("收银员", 5));
		this.activities.addPosition(ActivityFixture.SYSTEM, this.fixture.session(many, 40, 9, 12),
				PositionDetails.open("摄影", 2));
		this.activities.publish(ActivityFixture.SYSTEM, many);
		this.signUps.signUp(this.fixture.volunteer(this.unit, "先到"), open);
		// the fixture's adult volunteer has first-aid and English, and no law
		SignedInAccount me = this.fixture.volunteers.principal(this.fixture.volunteer(this.unit, "翻页"));

		Element everything = card(more(me, ""), many);
		assertThat(everything.select(".browse-time").text()).contains("共 3 场");
		assertThat(everything.select(".browse-places").text()).isEqualTo("余 13 个名额");

		Element matching = card(more(me, "&matching=true"), many);
		assertThat(matching.select(".browse-time").text()).contains("共 3 场");
		assertThat(matching.select(".browse-places").text()).isEqualTo("余 9 个名额");

		// up to day 31 the activity has two sessions, and is still the 21st
		Element untilDay31 = card(more(me, "&to=" + this.today.plusDays(31)), many);
		assertThat(untilDay31.select(".browse-time").text()).contains("共 2 场")
			.contains(this.today.plusDays(30).toString());
		assertThat(untilDay31.select(".browse-places").text()).isEqualTo("余 11 个名额");

		// from day 35 only its last session is left: the first card, alone
		Document later = list(me, "/activities?place=" + this.street + "&from=" + this.today.plusDays(35));
		assertThat(later.select(".browse-title").eachText()).containsExactly("多场次");
		assertThat(later.select(".browse-time").text()).doesNotContain("共")
			.contains(this.today.plusDays(40).toString());
		assertThat(later.select(".browse-places").text()).isEqualTo("余 2 个名额");
		assertThat(later.select("#browse-count").text()).isEqualTo("共 1 个活动");
	}

	@Test
	void theNextPageLinkKeepsEveryFilter() throws Exception {
		for (int i = 0; i <= ActivityListing.PAGE_SIZE; i++) {
			publish("第" + i + "个", 2 + i, PositionDetails.open("引导员", 1));
		}
		SignedInAccount me = this.fixture.volunteers.principal(this.fixture.volunteer(this.unit, "筛选"));
		String filter = "/activities?place=" + this.street + "&from=" + this.today.plusDays(1) + "&to="
				+ this.today.plusDays(60) + "&unit=" + this.unit.value() + "&matching=true";

		Document first = list(me, filter);
		assertThat(first.select(".browse-title").eachText()).hasSize(ActivityListing.PAGE_SIZE);
		assertThat(first.select("#browse-count").text()).isEqualTo("共 21 个活动");
		Element more = first.selectFirst("#browse-more a");
		assertThat(more.attr("href")).isEqualTo(more.attr("hx-get"));
		var next = UriComponentsBuilder.fromUriString(more.attr("href")).build().getQueryParams();
		assertThat(next.getFirst("page")).isEqualTo("1");
		assertThat(next.getFirst("from")).isEqualTo(this.today.plusDays(1).toString());
		assertThat(next.getFirst("to")).isEqualTo(this.today.plusDays(60).toString());
		assertThat(next.getFirst("unit")).isEqualTo(String.valueOf(this.unit.value()));
		assertThat(next.getFirst("matching")).isEqualTo("true");
		assertThat(next.getFirst("place")).isNotBlank();

		// without htmx the link opens the next page with the filter filled in
		Document second = Jsoup.parse(this.mvc.perform(get(URI.create(more.attr("href"))).with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(second.select(".browse-title").eachText()).containsExactly("第20个");
		assertThat(second.select("#place").attr("value")).isEqualTo(this.street);
		assertThat(second.select("#from").attr("value")).isEqualTo(this.today.plusDays(1).toString());
		assertThat(second.select("#unit option[selected]").attr("value")).isEqualTo(String.valueOf(this.unit.value()));
		assertThat(second.select("input[type=checkbox][name=matching]").hasAttr("checked")).isTrue();
		assertThat(second.select("#browse-more")).isEmpty();
	}

	@Test
	void aRenamedUnitShowsItsNewNameOnTheList() throws Exception {
		ActivityId activity = publish("改名", 3, PositionDetails.open("引导员", 2));
		SignedInAccount me = this.fixture.volunteers.principal(this.fixture.volunteer(this.unit, "看名"));
		String before = list(me, "/activities?place=" + this.street).select("#activity-" + activity.value())
			.select(".browse-unit")
			.text();
		assertThat(before).startsWith("paging-");

		String renamed = "新名" + this.fixture.volunteers.tag;
		this.units.edit(VolunteerFixture.SYSTEM, this.unit,
				UnitDetails.of(renamed, "Renamed " + this.fixture.volunteers.tag, UnitType.DEPARTMENT));

		Document after = list(me, "/activities?place=" + this.street);
		assertThat(after.select("#activity-" + activity.value() + " .browse-unit").text()).isEqualTo(renamed);
		assertThat(after.select("#unit option").eachText()).contains(renamed);
	}

	// --- helpers

	private ActivityDetails details(String title) {
		return new ActivityDetails(title, "<p>" + title + "</p>", null, this.unit, Set.of(), false, this.street, null,
				ActivityFixture.ZONE, Visibility.ASSOCIATION, null, "王老师", "010-12345678", "20 位居民", 24);
	}

	private ActivityId publish(String title, int daysAhead, PositionDetails position) {
		ActivityId activity = this.activities.create(ActivityFixture.SYSTEM, details(title), null);
		SessionId session = this.fixture.session(activity, daysAhead, 9, 12);
		this.activities.addPosition(ActivityFixture.SYSTEM, session, position);
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		return activity;
	}

	/** The second page as htmx loads it. */
	private Document more(SignedInAccount viewer, String query) throws Exception {
		return Jsoup.parseBodyFragment(
				this.mvc
					.perform(get("/activities?page=1&place=" + this.street + query).header("HX-Request", "true")
						.with(user(viewer)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	private Document list(SignedInAccount viewer, String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static Element card(Document page, ActivityId activity) {
		List<Element> found = page.select("#activity-" + activity.value());
		assertThat(found).as("the card of activity %s", activity.value()).hasSize(1);
		return found.get(0);
	}

}
