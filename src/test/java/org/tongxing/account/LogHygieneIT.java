package org.tongxing.account;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxing.account.AccountTestSupport.PASSWORD;
import static org.tongxing.account.AccountTestSupport.as;
import static org.tongxing.account.AccountTestSupport.signIn;
import static org.tongxing.account.AccountTestSupport.uniqueAddress;

/**
 * The account flows log neither passwords nor tokens, whatever they log otherwise.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	GreenMail greenMail;

	@Test
	void signInPasswordChangeResetAndTokensLeaveNoSecretInTheLog(CapturedOutput output) throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "logcheck", Role.VOLUNTEER);
		String address = uniqueAddress();
		String wrong = "Wrong-Guess-" + System.nanoTime();
		signIn(this.mvc, me.getUsername(), wrong, address);
		signIn(this.mvc, me.getUsername(), PASSWORD, address);

		String changed = "Changed-" + System.nanoTime();
		this.mvc.perform(post("/account/password").with(csrf())
			.with(as(me))
			.param("currentPassword", PASSWORD)
			.param("newPassword", changed)
			.param("repeatPassword", changed));

		Instant asked = Instant.now();
		this.mvc.perform(post("/password/forgot").with(csrf()).param("identifier", me.getUsername()));
		String mail = (String) AccountTestSupport.mailTo(this.greenMail, me.getUsername() + "@example.org", asked)
			.getContent();
		Matcher link = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail);
		assertThat(link.find()).isTrue();
		String resetToken = link.group(1);
		String reset = "Reset-" + System.nanoTime();
		this.mvc.perform(post("/password/reset").with(csrf())
			.param("token", resetToken)
			.param("newPassword", reset)
			.param("repeatPassword", reset));

		String page = this.mvc
			.perform(post("/account/tokens").with(csrf()).with(as(me)).param("name", "log check").param("days", "1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher tokenMatcher = Pattern.compile("txp_[A-Za-z0-9_-]{43}").matcher(page);
		assertThat(tokenMatcher.find()).isTrue();
		String apiToken = tokenMatcher.group();
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + apiToken));
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + apiToken + "x"));

		assertThat(output.getAll()).doesNotContain(PASSWORD)
			.doesNotContain(wrong)
			.doesNotContain(changed)
			.doesNotContain(reset)
			.doesNotContain(resetToken)
			.doesNotContain(apiToken.substring(4));
	}

}
