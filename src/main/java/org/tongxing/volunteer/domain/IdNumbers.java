package org.tongxing.volunteer.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.tongxing.volunteer.IdType;

/**
 * Rules of identity-document numbers. A resident ID (GB 11643-1999) has 17 digits — a
 * 6-digit region, the birth date as yyyyMMdd and a 3-digit sequence — and a check digit
 * (ISO 7064 MOD 11-2, 10 written as X).
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK_DIGITS = "10X98765432".toCharArray();

	private static final Pattern RESIDENT_ID = Pattern.compile("[1-9]\\d{16}[0-9X]");

	private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");

	/** 港澳居民来往内地通行证: H or M and 8 or 10 digits. */
	private static final Pattern HK_MACAO_PERMIT = Pattern.compile("[HM]\\d{8}(\\d{2})?");

	/** 台湾居民来往大陆通行证: 8 digits (older ones 10, with a letter suffix). */
	private static final Pattern TAIWAN_PERMIT = Pattern.compile("\\d{8}|\\d{10}[A-Z]?");

	/** 外国人永久居留身份证: 3 letters and 12 digits, or (since 2023) 18 digits from 9. */
	private static final Pattern FOREIGNER_PERMANENT_RESIDENCE = Pattern.compile("[A-Z]{3}\\d{12}|9\\d{17}");

	private IdNumbers() {
	}

	/** Upper case, without spaces and hyphens; {@code null} stays {@code null}. */
	public static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		return raw.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
	}

	/** The check digit of the first 17 digits of a resident ID. */
	public static char checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_DIGITS[sum % 11];
	}

	/** The birth date a resident ID encodes, when it is a real date. */
	public static Optional<LocalDate> birthDate(String residentId) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(residentId.substring(6, 10)),
					Integer.parseInt(residentId.substring(10, 12)), Integer.parseInt(residentId.substring(12, 14))));
		}
		catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The problem with a normalised number, as a message key of the volunteer bundle, or
	 * empty when it is well formed. For a resident ID the birth date must agree, when
	 * given.
	 */
	public static Optional<String> problem(IdType type, String number, LocalDate birthDate) {
		if (number == null || number.isEmpty()) {
			return Optional.of("volunteer.validation.idNumber.required");
		}
		return switch (type) {
			case RESIDENT_ID -> residentIdProblem(number, birthDate);
			case PASSPORT -> matches(PASSPORT, number);
			case HK_MACAO_PERMIT -> matches(HK_MACAO_PERMIT, number);
			case TAIWAN_PERMIT -> matches(TAIWAN_PERMIT, number);
			case FOREIGNER_PERMANENT_RESIDENCE -> matches(FOREIGNER_PERMANENT_RESIDENCE, number);
		};
	}

	private static Optional<String> residentIdProblem(String number, LocalDate birthDate) {
		if (!RESIDENT_ID.matcher(number).matches()) {
			return Optional.of("volunteer.validation.idNumber.residentFormat");
		}
		Optional<LocalDate> encoded = birthDate(number);
		if (encoded.isEmpty()) {
			return Optional.of("volunteer.validation.idNumber.residentDate");
		}
		if (checkDigit(number.substring(0, 17)) != number.charAt(17)) {
			return Optional.of("volunteer.validation.idNumber.checkDigit");
		}
		if (birthDate != null && !birthDate.equals(encoded.get())) {
			return Optional.of("volunteer.validation.idNumber.birthDateMismatch");
		}
		return Optional.empty();
	}

	private static Optional<String> matches(Pattern pattern, String number) {
		return pattern.matcher(number).matches() ? Optional.empty()
				: Optional.of("volunteer.validation.idNumber.format");
	}

}
