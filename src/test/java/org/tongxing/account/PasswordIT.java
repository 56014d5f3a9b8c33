package org.tongxing.account;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.domain.Secrets;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.account.AccountTestSupport.PASSWORD;
import static org.tongxing.account.AccountTestSupport.as;
import static org.tongxing.account.AccountTestSupport.mailTo;
import static org.tongxing.account.AccountTestSupport.signIn;
import static org.tongxing.account.AccountTestSupport.uniqueAddress;

@IntegrationTest
class PasswordIT {

	private static final Pattern LINK = Pattern.compile("(https?://\\S+)/password/reset\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	GreenMail greenMail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWrongCurrentPasswordIsToldBesideTheField() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "change", Role.VOLUNTEER);
		String page = change(me, "not-my-password-9", "new-secret-2026", "new-secret-2026");
		assertThat(page).contains("当前密码不正确。").doesNotContain("not-my-password-9").doesNotContain("new-secret-2026");
		assertThat(signIn(this.mvc, me.getUsername(), PASSWORD, uniqueAddress()).getResponse().getRedirectedUrl())
			.isEqualTo("/");
	}

	@Test
	void aWeakOrMismatchedNewPasswordIsRefusedWithThePolicysWords() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "change", Role.VOLUNTEER);
		assertThat(change(me, PASSWORD, "short1", "short1")).contains("密码至少需要 10 个字符。");
		assertThat(change(me, PASSWORD, "onlyletterslong", "onlyletterslong")).contains("密码须同时包含字母和数字或符号。");
		assertThat(change(me, PASSWORD, me.getUsername() + "-1", me.getUsername() + "-1")).contains("密码不能包含用户名。");
		assertThat(change(me, PASSWORD, "good-password-77", "good-password-78")).contains("两次输入的新密码不一致。");
		String english = this.mvc
			.perform(post("/account/password?lang=en").with(csrf())
				.with(as(me))
				.param("currentPassword", PASSWORD)
				.param("newPassword", "short1")
				.param("repeatPassword", "short1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("The password needs at least 10 characters.");
	}

	@Test
	void aGoodNewPasswordReplacesTheOldAndIsAuditedWithoutTheHash() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "change", Role.VOLUNTEER);
		this.mvc
			.perform(post("/account/password").with(csrf())
				.with(as(me))
				.param("currentPassword", PASSWORD)
				.param("newPassword", "plum-blossom-2026")
				.param("repeatPassword", "plum-blossom-2026"))
			.andExpect(redirectedUrl("/account/password?changed"));
		assertThat(signIn(this.mvc, me.getUsername(), PASSWORD, uniqueAddress()).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		assertThat(signIn(this.mvc, me.getUsername(), "plum-blossom-2026", uniqueAddress()).getResponse()
			.getRedirectedUrl()).isEqualTo("/");
		String audit = this.jdbc.sql(
				"select actor_name || ' ' || coalesce(before_state::text, '') || ' ' || after_state::text from audit_entry "
						+ "where entity_type = 'account' and entity_id = :id and action = 'password-changed'")
			.param("id", String.valueOf(me.id().value()))
			.query(String.class)
			.single();
		assertThat(audit).contains(me.getUsername()).doesNotContain("bcrypt").doesNotContain("plum-blossom");
	}

	@Test
	void aForgottenPasswordIsResetByTheEmailedLinkOnce() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "forgot", Role.VOLUNTEER);
		String email = me.getUsername() + "@example.org";
		Instant asked = Instant.now();
		String answer = forgot(me.getUsername(), "zh-CN");
		assertThat(answer).contains("我们已经向该邮箱发送了重设密码的链接");

		MimeMessage mail = mailTo(this.greenMail, email, asked);
		assertThat(mail.getSubject()).isEqualTo("重设您的同行平台密码");
		Matcher link = LINK.matcher((String) mail.getContent());
		assertThat(link.find()).isTrue();
		String token = link.group(2);
		assertThat(this.jdbc.sql("select count(*) from password_reset_token where token_hash = :hash")
			.param("hash", Secrets.sha256(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from password_reset_token where token_hash = :token")
			.param("token", token)
			.query(Long.class)
			.single()).isZero();

		String form = this.mvc.perform(get("/password/reset").param("token", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains(me.getUsername()).contains("name=\"newPassword\"");

		// A weak password leaves the link usable.
		String weak = this.mvc
			.perform(post("/password/reset").with(csrf())
				.param("token", token)
				.param("newPassword", "weak")
				.param("repeatPassword", "weak"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(weak).contains("密码至少需要 10 个字符。");

		this.mvc
			.perform(post("/password/reset").with(csrf())
				.param("token", token)
				.param("newPassword", "bamboo-forest-88")
				.param("repeatPassword", "bamboo-forest-88"))
			.andExpect(redirectedUrl("/login?reset"));
		assertThat(signIn(this.mvc, me.getUsername(), "bamboo-forest-88", uniqueAddress()).getResponse()
			.getRedirectedUrl()).isEqualTo("/");

		// Used once: the link is dead now, with a clear message and no error page.
		String again = this.mvc
			.perform(post("/password/reset").with(csrf())
				.param("token", token)
				.param("newPassword", "another-one-99")
				.param("repeatPassword", "another-one-99"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("这个链接无效");
		assertThat(
				signIn(this.mvc, me.getUsername(), "another-one-99", uniqueAddress()).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
	}

	@Test
	void aNewerLinkReplacesTheOlderAndTheMailFollowsTheRequestersLanguage() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "forgot", Role.VOLUNTEER);
		String email = me.getUsername() + "@example.org";
		Instant first = Instant.now();
		forgot(email, "zh-CN");
		String oldToken = token(mailTo(this.greenMail, email, first));
		Thread.sleep(1100);
		Instant second = Instant.now();
		forgot(me.getUsername(), "en");
		MimeMessage english = mailTo(this.greenMail, email, second);
		assertThat(english.getSubject()).isEqualTo("Reset your Tongxing password");
		assertThat((String) english.getContent()).contains("The link works for 30 minutes");
		String newToken = token(english);
		assertThat(newToken).isNotEqualTo(oldToken);

		assertThat(this.mvc.perform(get("/password/reset").param("token", oldToken))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("这个链接无效");
		assertThat(this.mvc.perform(get("/password/reset").param("token", newToken))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("这个链接无效");
	}

	@Test
	void atMostFiveLinksAnHourGoToOneAccountWhateverTheFormIsAsked() throws Exception {
		SignedInAccount me = AccountTestSupport.create(this.accounts, "flood", Role.VOLUNTEER);
		String email = me.getUsername() + "@example.org";
		for (int i = 0; i < 7; i++) {
			assertThat(forgot(me.getUsername(), "zh-CN")).contains("我们已经向该邮箱发送了重设密码的链接");
		}
		Thread.sleep(500);
		assertThat(AccountTestSupport.mailCount(this.greenMail, email)).isEqualTo(5);
	}

	@Test
	void theAnswerIsTheSameForAnUnknownAccountAndNoMailIsSent() throws Exception {
		String nobody = AccountTestSupport.unique("nobody");
		String answer = forgot(nobody, "zh-CN");
		assertThat(answer).contains("我们已经向该邮箱发送了重设密码的链接");
		Thread.sleep(500);
		assertThat(AccountTestSupport.mailCount(this.greenMail, nobody + "@example.org")).isZero();
	}

	@Test
	void unknownOrMissingTokensGetAClearMessage() throws Exception {
		assertThat(this.mvc.perform(get("/password/reset").param("token", "no-such-token"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("这个链接无效");
		assertThat(this.mvc.perform(get("/password/reset"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("这个链接无效");
		assertThat(this.mvc
			.perform(post("/password/reset").with(csrf())
				.param("token", "no-such-token")
				.param("newPassword", "bamboo-forest-88")
				.param("repeatPassword", "bamboo-forest-88"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("这个链接无效");
	}

	private String change(SignedInAccount me, String current, String newPassword, String repeat) throws Exception {
		return this.mvc
			.perform(post("/account/password").with(csrf())
				.with(as(me))
				.param("currentPassword", current)
				.param("newPassword", newPassword)
				.param("repeatPassword", repeat))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String forgot(String identifier, String language) throws Exception {
		return this.mvc
			.perform(post("/password/forgot").with(csrf())
				.cookie(new jakarta.servlet.http.Cookie("tongxing-lang", language))
				.param("identifier", identifier))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String token(MimeMessage mail) throws Exception {
		Matcher link = LINK.matcher((String) mail.getContent());
		assertThat(link.find()).isTrue();
		return link.group(2);
	}

}
