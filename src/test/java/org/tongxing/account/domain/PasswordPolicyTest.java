package org.tongxing.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@Test
	void acceptsALongMixedPassword() {
		assertThat(PasswordPolicy.violations("river-stone-42", "lihua")).isEmpty();
	}

	@Test
	void tooShortIsTheOnlyComplaintAboutAShortPassword() {
		assertThat(PasswordPolicy.violations("ab1", "lihua")).containsExactly("password.policy.tooShort");
		assertThat(PasswordPolicy.violations(null, "lihua")).containsExactly("password.policy.tooShort");
		assertThat(PasswordPolicy.violations("a".repeat(PasswordPolicy.MIN_LENGTH - 2) + "1", "x"))
			.containsExactly("password.policy.tooShort");
	}

	@Test
	void exactlyTheMinimumLengthIsEnough() {
		assertThat(PasswordPolicy.violations("a".repeat(PasswordPolicy.MIN_LENGTH - 1) + "1", "x")).isEmpty();
	}

	@Test
	void rejectsOverlyLongPasswords() {
		assertThat(PasswordPolicy.violations("a1".repeat(PasswordPolicy.MAX_LENGTH), "x"))
			.contains("password.policy.tooLong");
	}

	@Test
	void needsLettersAndSomethingElse() {
		assertThat(PasswordPolicy.violations("onlyletterswithoutdigits", "x")).containsExactly("password.policy.mix");
		assertThat(PasswordPolicy.violations("20260101203040", "x")).containsExactly("password.policy.mix");
	}

	@Test
	void mustNotContainTheUsernameInAnyCase() {
		assertThat(PasswordPolicy.violations("my-LiHua-2026!", "lihua"))
			.containsExactly("password.policy.containsUsername");
	}

	@Test
	void rejectsCommonPasswordsIgnoringCase() {
		assertThat(PasswordPolicy.violations("Password123", "x")).containsExactly("password.policy.common");
		assertThat(PasswordPolicy.violations("woaini1314", "x")).containsExactly("password.policy.common");
	}

	@Test
	void generatedPasswordsMeetThePolicy() {
		for (int i = 0; i < 200; i++) {
			assertThat(PasswordPolicy.violations(Secrets.newPassword("admin"), "admin")).isEmpty();
		}
	}

	@Test
	void storedTokenHashesAreHexSha256() {
		assertThat(Secrets.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Secrets.newToken()).hasSize(43).isNotEqualTo(Secrets.newToken());
	}

}
