package org.tongxing.account;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.account.AccountTestSupport.PASSWORD;
import static org.tongxing.account.AccountTestSupport.as;
import static org.tongxing.account.AccountTestSupport.session;
import static org.tongxing.account.AccountTestSupport.signIn;
import static org.tongxing.account.AccountTestSupport.uniqueAddress;

@IntegrationTest
class SignInIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Test
	void signInWithTheRightPasswordOpensTheHomePage() throws Exception {
		SignedInAccount account = AccountTestSupport.create(this.accounts, "signin", Role.VOLUNTEER);
		MvcResult result = signIn(this.mvc, account.getUsername(), PASSWORD, uniqueAddress());
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		this.mvc.perform(get("/").cookie(session(result)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(account.displayName())));
	}

	@Test
	void aWrongPasswordOrUnknownAccountGivesTheSameMessageAndKeepsTheUsername() throws Exception {
		SignedInAccount account = AccountTestSupport.create(this.accounts, "signin", Role.VOLUNTEER);
		MvcResult wrong = signIn(this.mvc, account.getUsername(), "not-the-password-1", uniqueAddress());
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		MvcResult unknown = signIn(this.mvc, "nobody-" + account.getUsername(), PASSWORD, uniqueAddress());
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/login?error");

		String page = this.mvc.perform(get("/login?error").cookie(wrong.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("用户名或密码不正确。").contains("value=\"" + account.getUsername() + "\"");
	}

	@Test
	void afterFiveFailuresTheAccountIsThrottledEvenWithTheRightPassword() throws Exception {
		SignedInAccount account = AccountTestSupport.create(this.accounts, "throttle", Role.VOLUNTEER);
		String address = uniqueAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(this.mvc, account.getUsername(), "wrong-password-" + i, address).getResponse()
				.getRedirectedUrl()).isEqualTo("/login?error");
		}
		// From another address too: the limit is per account.
		String redirect = signIn(this.mvc, account.getUsername(), PASSWORD, uniqueAddress()).getResponse()
			.getRedirectedUrl();
		assertThat(redirect).matches("/login\\?throttled=\\d+");
		long seconds = Long.parseLong(redirect.substring(redirect.indexOf('=') + 1));
		assertThat(seconds).isBetween(1L, 15 * 60L);

		this.mvc.perform(get(redirect))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请在 " + seconds + " 秒后再试")));
		this.mvc.perform(get(redirect + "&lang=en"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(seconds + "")));
	}

	@Test
	void anAddressIsThrottledAfterTwentyFailuresAcrossAccounts() throws Exception {
		String address = uniqueAddress();
		for (int i = 0; i < 20; i++) {
			signIn(this.mvc, AccountTestSupport.unique("guess"), "wrong-password-1", address);
		}
		SignedInAccount account = AccountTestSupport.create(this.accounts, "victim", Role.VOLUNTEER);
		assertThat(signIn(this.mvc, account.getUsername(), PASSWORD, address).getResponse().getRedirectedUrl())
			.startsWith("/login?throttled=");
		assertThat(signIn(this.mvc, account.getUsername(), PASSWORD, uniqueAddress()).getResponse().getRedirectedUrl())
			.isEqualTo("/");
	}

	@Test
	void aDisabledAccountCannotSignIn() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "coord", Role.COORDINATOR);
		SignedInAccount account = AccountTestSupport.create(this.accounts, "disabled", Role.VOLUNTEER);
		this.mvc
			.perform(post("/accounts/" + account.id() + "/enabled").param("enabled", "false")
				.with(csrf())
				.with(as(coordinator)))
			.andExpect(status().is3xxRedirection());
		assertThat(signIn(this.mvc, account.getUsername(), PASSWORD, uniqueAddress()).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
	}

	@Test
	void signOutEndsTheSession() throws Exception {
		SignedInAccount account = AccountTestSupport.create(this.accounts, "signout", Role.VOLUNTEER);
		Cookie session = session(signIn(this.mvc, account.getUsername(), PASSWORD, uniqueAddress()));
		this.mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		this.mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void anAccountThatMustChangeItsPasswordIsKeptOnThatPageUntilItDoes() throws Exception {
		SignedInAccount account = AccountTestSupport.create(this.accounts, "forced", true, Role.COORDINATOR);
		MvcResult result = signIn(this.mvc, account.getUsername(), PASSWORD, uniqueAddress());
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		Cookie session = session(result);

		this.mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/accounts").cookie(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/css/app.css").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(get("/account/password").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请先设置一个新密码")));

		this.mvc
			.perform(post("/account/password").cookie(session)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "fresh-start-2026")
				.param("repeatPassword", "fresh-start-2026"))
			.andExpect(redirectedUrl("/account/password?changed"));
		this.mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(get("/accounts").cookie(session)).andExpect(status().isOk());
	}

}
