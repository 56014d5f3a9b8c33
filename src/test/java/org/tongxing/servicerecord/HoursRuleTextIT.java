package org.tongxing.servicerecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
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
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hours rule reads in words wherever a record shows it (the volunteer's hours, the
 * session's records, the policy page's examples), in Chinese and in English, while the
 * ledger keeps the buckets it stored.
 */
@IntegrationTest
class HoursRuleTextIT {

	static final String ZH_WORDS = "开始的一小时：不足15分钟不计，不足45分钟计0.5小时，其余计1小时";

	static final String EN_WORDS = "a started hour counts 0 h under 15 min, 0.5 h under 45 min, otherwise 1 h";

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
	JdbcClient jdbc;

	ServiceRecordFixture fixture;

	VolunteerFixture people;

	UnitId unit;

	SignedInAccount organiser;

	@BeforeEach
	void setUp() {
		this.people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.fixture = new ServiceRecordFixture(new ActivityFixture(this.people, this.activities, this.volunteers),
				this.activities, this.signUps, this.checkIns);
		this.unit = this.people.unit(this.people.root(), "规则文字");
		this.organiser = this.people.adminOf(this.unit);
	}

	@Test
	void theRuleBesideARecordReadsTheBucketsInWordsOnEveryPage() throws Exception {
		Running running = this.fixture.session(this.unit, "规则文字", Duration.ofHours(4), Duration.ofHours(3));
		AccountId account = this.fixture.attendee(running, this.unit, "读规则");
		this.fixture.attend(running, account, running.startsAt(), running.startsAt().plus(Duration.ofMinutes(110)));
		List<EntryView> entries = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session());
		assertThat(entries).hasSize(1);
		EntryView entry = entries.get(0);
		assertThat(entry.hoursRule()).isEqualTo("servicerecord.rule.rounded");
		// the ledger keeps the rule as recorded: only its reading changed
		assertThat(this.jdbc.sql("select hours_rule_args from service_entry where id = ?")
			.param(entry.id())
			.query(String.class)
			.single()).contains("15:0,45:0.5,60:1");
		SignedInAccount volunteer = this.people.principal(account);

		String mine = page("/me/hours", volunteer, null).getElementById("entry-" + entry.id())
			.selectFirst(".myhours-rule")
			.text();
		assertThat(mine).isEqualTo("按取整规则计：服务 1:50，计 2 小时（" + ZH_WORDS + "）");
		assertThat(page("/me/hours", volunteer, "en").getElementById("entry-" + entry.id())
			.selectFirst(".myhours-rule")
			.text()).isEqualTo("Rounded: served 1:50, counted 2 h (" + EN_WORDS + ")");

		String session = "/sessions/" + running.session().value() + "/records";
		assertThat(page(session, this.organiser, null).select("#records-table").text()).contains(ZH_WORDS)
			.doesNotContain("15:0,45:0.5");
		assertThat(page(session, this.organiser, "en").select("#records-table").text()).contains(EN_WORDS);
		assertThat(page("/records/" + entry.id(), this.organiser, null).select("#main").text()).contains(ZH_WORDS);

		String policy = "/activities/" + running.activity().value() + "/hours";
		assertThat(page(policy, this.organiser, null).select("#policy-examples").text()).contains(ZH_WORDS)
			.doesNotContain("15:0,45:0.5");
		assertThat(page(policy, this.organiser, "en").select("#policy-examples").text()).contains(EN_WORDS);
	}

	private Document page(String path, UserDetails account, String language) throws Exception {
		var request = get(path).with(user(account));
		if (language != null) {
			request = request.cookie(new Cookie("tongxing-lang", language));
		}
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

}
