package org.tongxing.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.domain.Secrets;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.account.AccountTestSupport.as;

@IntegrationTest
class ApiTokenIT {

	private static final Pattern TOKEN = Pattern.compile("txp_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenIsShownOnceStoredAsAHashAndAuthenticatesTheApiUntilRevoked() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "apiuser", Role.VOLUNTEER);
		String page = this.mvc.perform(
				post("/account/tokens").with(csrf()).with(as(me)).param("name", "report script").param("days", "30"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).isTrue();
		String token = matcher.group();

		assertThat(this.jdbc.sql("select token_hash from api_token where account_id = :id")
			.param("id", me.id().value())
			.query(String.class)
			.single()).isEqualTo(Secrets.sha256(token));
		assertThat(this.mvc.perform(get("/account/tokens").with(as(me))).andReturn().getResponse().getContentAsString())
			.contains("report script")
			.doesNotContain(token);

		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(me.getUsername()))
			.andExpect(jsonPath("$.roles[0]").value("VOLUNTEER"));
		// No CSRF token needed with a bearer token: the request gets past security to
		// MVC.
		this.mvc.perform(post("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isMethodNotAllowed());

		long id = this.jdbc.sql("select id from api_token where account_id = :id")
			.param("id", me.id().value())
			.query(Long.class)
			.single();
		this.mvc.perform(post("/account/tokens/" + id + "/revoke").with(csrf()).with(as(me)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
	}

	@Test
	void anotherAccountCannotRevokeMyToken() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "apiuser", Role.VOLUNTEER);
		SignedInAccount other = AccountTestSupport.create(this.accounts, "apiother", Role.COORDINATOR);
		String page = this.mvc
			.perform(post("/account/tokens").with(csrf()).with(as(me)).param("name", "mine").param("days", "5"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).isTrue();
		long id = this.jdbc.sql("select id from api_token where account_id = :id")
			.param("id", me.id().value())
			.query(Long.class)
			.single();
		this.mvc.perform(post("/account/tokens/" + id + "/revoke").with(csrf()).with(as(other)));
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + matcher.group()))
			.andExpect(status().isOk());
	}

	@Test
	void invalidTokenFormInputIsShownBesideTheField() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "apiuser", Role.VOLUNTEER);
		String page = this.mvc
			.perform(post("/account/tokens").with(csrf()).with(as(me)).param("name", "").param("days", "900"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("请填写此项。").contains("有效天数须在 1 到 365 之间。");
		assertThat(TOKEN.matcher(page).find()).isFalse();
	}

	@Test
	void unauthenticatedApiRequestsGetJson401NotARedirect() throws Exception {
		this.mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer txp_not-a-real-token"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ")).andExpect(status().isUnauthorized());
	}

	@Test
	void browserSessionsStillReachTheApi() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "apibrowser", Role.LEADERSHIP);
		this.mvc.perform(get("/api/v1/me").with(as(me)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(me.getUsername()));
	}

}
