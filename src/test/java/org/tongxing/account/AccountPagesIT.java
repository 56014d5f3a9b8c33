package org.tongxing.account;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.account.AccountTestSupport.as;

/**
 * Every page of the module renders in both languages, and every form control has a label.
 */
@IntegrationTest
class AccountPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Test
	void everyPageRendersWithLabelledControls() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "pages", Role.COORDINATOR);
		List<String> pages = List.of("/login", "/password/forgot", "/password/reset?token=nothing", "/account/password",
				"/account/tokens", "/accounts", "/accounts/new", "/accounts/" + coordinator.id(), "/audit");
		for (String language : List.of("zh_CN", "en")) {
			for (String page : pages) {
				String html = this.mvc.perform(get(page).param("lang", language).with(as(coordinator)))
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
				assertThat(document.select("h1")).as("heading of %s", page).isNotEmpty();
				assertThat(html).as("%s has no unresolved message key", page).doesNotContain("??");
			}
		}
	}

}
