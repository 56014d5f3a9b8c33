package org.tongxing.servicerecord.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.tongxing.organisation.UnitId;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.volunteer.VolunteerId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small rules of certificates: masked names, verification codes, and which entries a
 * certificate states at which hours.
 */
class CertificateRulesTest {

	@Test
	void namesKeepTheirFirstAndLastCharacters() {
		assertThat(NameMasks.mask("林小雨")).isEqualTo("林*雨");
		assertThat(NameMasks.mask("欧阳明月")).isEqualTo("欧**月");
		assertThat(NameMasks.mask("林雨")).isEqualTo("林*");
		assertThat(NameMasks.mask("林")).isEqualTo("林*");
		assertThat(NameMasks.mask("Anna Smith")).isEqualTo("A*** S****");
		assertThat(NameMasks.mask(" ")).isEqualTo("*");
	}

	@Test
	void codesAreLongRandomAndUnambiguousAndReadInAnyCase() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String code = VerificationCodes.next();
			assertThat(code).hasSize(12).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]+");
			codes.add(code);
		}
		assertThat(codes).hasSize(1000);
		assertThat(VerificationCodes.normalise("abcd-efgh 2345")).isEqualTo("ABCDEFGH2345");
		assertThat(VerificationCodes.normalise("ABCDEFGH234O")).as("O is not in the alphabet").isEmpty();
		assertThat(VerificationCodes.normalise("ABC")).isEmpty();
		assertThat(VerificationCodes.normalise(null)).isEmpty();
	}

	@Test
	void onlyConfirmedEntriesCountWithTheirConfirmedCorrectionsFoldedIn() {
		List<EntryView> entries = List.of(entry(1, EntryKind.SESSION, null, EntryStatus.CONFIRMED, "3", "引导"),
				entry(2, EntryKind.SESSION, null, EntryStatus.PENDING, "2", "待确认"),
				entry(3, EntryKind.SELF_DECLARED, null, EntryStatus.REJECTED, "5", "被拒"),
				entry(4, EntryKind.CORRECTION, 1L, EntryStatus.CONFIRMED, "1.5", "引导与讲解"),
				entry(5, EntryKind.CORRECTION, 1L, EntryStatus.REJECTED, "10", "不算"),
				entry(6, EntryKind.SELF_DECLARED, null, EntryStatus.CONFIRMED, "2", "支教"),
				entry(7, EntryKind.SESSION, null, EntryStatus.CONFIRMED, "1", "被更正为零"),
				entry(8, EntryKind.CORRECTION, 7L, EntryStatus.CONFIRMED, "-1", "被更正为零"));

		List<Certificates.Standing> standing = Certificates.standing(entries);

		assertThat(standing).extracting((s) -> s.entry().id()).containsExactly(1L, 6L);
		assertThat(standing.get(0).hours()).isEqualByComparingTo("4.5");
		assertThat(standing.get(0).content()).isEqualTo("引导与讲解");
		assertThat(standing.get(1).hours()).isEqualByComparingTo("2");
	}

	static EntryView entry(long id, EntryKind kind, Long corrects, EntryStatus status, String hours, String content) {
		return new EntryView(id, new VolunteerId(1), kind, corrects, null, null, "活动" + id, LocalDate.of(2026, 3, 1),
				"北京", content, new BigDecimal(hours), "servicerecord.rule.rounded", List.of(), null, null, null,
				new UnitId(1), "礼宾司团支部", null, null, status, LocalDate.of(2026, 3, 15), null, null, null, null, null);
	}

}
