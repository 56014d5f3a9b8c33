package org.tongxing.volunteer.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Volunteer numbers: {@code TX}, 8 digits from a database sequence, and a Luhn check
 * digit that catches a mistyped digit, e.g. {@code TX000000018}. Never derived from the
 * ID number or any other personal data.
 */
@Component
public class VolunteerNumbers {

	private final JdbcClient jdbc;

	VolunteerNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String next() {
		long value = this.jdbc.sql("select nextval('volunteer_number_seq')").query(Long.class).single();
		return format(value);
	}

	static String format(long value) {
		String digits = String.format("%08d", value);
		return "TX" + digits + luhn(digits);
	}

	/** Whether a typed number is well formed and its check digit agrees. */
	public static boolean isValid(String number) {
		if (number == null || !number.matches("TX\\d{9,}")) {
			return false;
		}
		String digits = number.substring(2, number.length() - 1);
		return luhn(digits) == number.charAt(number.length() - 1);
	}

	static char luhn(String digits) {
		int sum = 0;
		boolean twice = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

}
