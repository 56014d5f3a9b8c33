package org.tongxing.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Test accounts with unique names, sign-in through the real form, and the mail GreenMail
 * received.
 */
public final class AccountTestSupport {

	public static final String PASSWORD = "tea-garden-2026";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private AccountTestSupport() {
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A remote address no other test uses, so that address throttling stays per test. */
	public static String uniqueAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "10.77." + (n / 250) + "." + (n % 250 + 1);
	}

	public static RequestPostProcessor from(String address) {
		return (MockHttpServletRequest request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	public static SignedInAccount create(Accounts accounts, String prefix, Role... roles) {
		return create(accounts, prefix, false, roles);
	}

	public static SignedInAccount create(Accounts accounts, String prefix, boolean mustChange, Role... roles) {
		String username = unique(prefix);
		AccountId id = accounts.create(new NewAccount(username, "Test " + username, username + "@example.org", PASSWORD,
				Set.of(roles), mustChange));
		return new SignedInAccount(id.value(), username, "Test " + username, null, Set.of(roles), true, mustChange);
	}

	/** Acts as the account without signing in (for pages that are not about sign-in). */
	public static RequestPostProcessor as(SignedInAccount account) {
		return SecurityMockMvcRequestPostProcessors.user(account);
	}

	public static MvcResult signIn(MockMvc mvc, String username, String password, String address) throws Exception {
		return mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
			.andReturn();
	}

	/** The session cookie of a sign-in that must have succeeded. */
	public static Cookie session(MvcResult signIn) {
		Cookie cookie = signIn.getResponse().getCookie("SESSION");
		if (cookie == null) {
			throw new AssertionError("No session cookie after sign-in: " + signIn.getResponse().getRedirectedUrl());
		}
		return cookie;
	}

	/** The newest mail to {@code address}, waiting for it up to ten seconds. */
	public static MimeMessage mailTo(GreenMail mail, String address, Instant after) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			List<MimeMessage> found = Arrays.stream(mail.getReceivedMessages())
				.filter((message) -> to(message, address))
				.filter((message) -> sent(message).isAfter(after.minusSeconds(2)))
				.toList();
			if (!found.isEmpty()) {
				return found.get(found.size() - 1);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No mail to " + address);
	}

	public static int mailCount(GreenMail mail, String address) {
		return (int) Arrays.stream(mail.getReceivedMessages()).filter((message) -> to(message, address)).count();
	}

	private static boolean to(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static Instant sent(MimeMessage message) {
		try {
			return (message.getSentDate() != null) ? message.getSentDate().toInstant() : Instant.now();
		}
		catch (MessagingException ex) {
			return Instant.now();
		}
	}

}
