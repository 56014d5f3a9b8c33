package org.tongxing.servicerecord.myhours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tongxing.organisation.UnitId;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.myhours.HoursHistory.Group;
import org.tongxing.volunteer.VolunteerId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history page's grouping: corrections under their originals, oldest correction
 * first, newest service on top; what an entry stands at; which entries may be corrected;
 * the year filter and the pending hours.
 */
class HoursHistoryTest {

	static final LocalDate MAY = LocalDate.of(2025, 5, 19);

	static final LocalDate JUNE = LocalDate.of(2025, 6, 1);

	static final LocalDate JANUARY = LocalDate.of(2026, 1, 10);

	@Test
	void correctionsStandUnderTheirOriginalNewestServiceFirst() {
		EntryView may = session(1, MAY, "3", EntryStatus.CONFIRMED);
		EntryView june = session(2, JUNE, "2", EntryStatus.CONFIRMED);
		EntryView january = declared(3, JANUARY, "4", EntryStatus.PENDING);
		EntryView firstFix = correction(10, may, "-1", EntryStatus.REJECTED);
		EntryView secondFix = correction(11, may, "-1", EntryStatus.CONFIRMED);
		EntryView thirdFix = correction(12, may, "0.5", EntryStatus.PENDING);

		// the ledger's order: newest service first, corrections anywhere
		List<Group> groups = HoursHistory.group(List.of(thirdFix, january, june, secondFix, may, firstFix), null);

		assertThat(groups).extracting((g) -> g.entry().id()).containsExactly(3L, 2L, 1L);
		Group mayGroup = groups.get(2);
		assertThat(mayGroup.corrections()).extracting(EntryView::id).containsExactly(10L, 11L, 12L);
		assertThat(groups.get(0).corrections()).isEmpty();
		assertThat(groups.get(1).corrections()).isEmpty();
	}

	@Test
	void anEntryStandsAtItsHoursAndItsConfirmedCorrectionsOnly() {
		EntryView may = session(1, MAY, "3", EntryStatus.CONFIRMED);
		Group group = HoursHistory.group(List.of(may, correction(10, may, "-1", EntryStatus.REJECTED),
				correction(11, may, "-0.5", EntryStatus.CONFIRMED), correction(12, may, "2", EntryStatus.PENDING)),
				null)
			.get(0);

		assertThat(group.standing()).isEqualByComparingTo("2.5");
		assertThat(group.isCorrected()).isTrue();
		assertThat(group.hasOpenCorrection()).isTrue();
	}

	@Test
	void onlyAConfirmedOriginalMayBeCorrected() {
		assertThat(
				HoursHistory.group(List.of(session(1, MAY, "3", EntryStatus.CONFIRMED)), null).get(0).isCorrectable())
			.isTrue();
		assertThat(HoursHistory.group(List.of(session(1, MAY, "3", EntryStatus.PENDING)), null).get(0).isCorrectable())
			.isFalse();
		assertThat(HoursHistory.group(List.of(session(1, MAY, "3", EntryStatus.REJECTED)), null).get(0).isCorrectable())
			.isFalse();
		assertThat(
				HoursHistory.group(List.of(declared(2, MAY, "3", EntryStatus.CONFIRMED)), null).get(0).isCorrectable())
			.isTrue();
		Group uncorrected = HoursHistory.group(List.of(session(1, MAY, "3", EntryStatus.CONFIRMED)), null).get(0);
		assertThat(uncorrected.isCorrected()).isFalse();
		assertThat(uncorrected.hasOpenCorrection()).isFalse();
		assertThat(uncorrected.standing()).isEqualByComparingTo("3");
	}

	@Test
	void aCorrectionWhoseOriginalIsMissingStandsAloneAndIsNotCorrectable() {
		EntryView may = session(1, MAY, "3", EntryStatus.CONFIRMED);
		List<Group> groups = HoursHistory.group(List.of(correction(10, may, "-1", EntryStatus.PENDING)), null);

		assertThat(groups).singleElement().satisfies((g) -> {
			assertThat(g.entry().id()).isEqualTo(10L);
			assertThat(g.isCorrectable()).isFalse();
		});
	}

	@Test
	void aYearKeepsOnlyItsServicesWithTheirCorrections() {
		EntryView may = session(1, MAY, "3", EntryStatus.CONFIRMED);
		EntryView january = session(3, JANUARY, "4", EntryStatus.CONFIRMED);
		List<EntryView> entries = List.of(january, may, correction(10, may, "-1", EntryStatus.CONFIRMED));

		assertThat(HoursHistory.group(entries, 2025)).singleElement().satisfies((g) -> {
			assertThat(g.entry().id()).isEqualTo(1L);
			assertThat(g.corrections()).extracting(EntryView::id).containsExactly(10L);
		});
		assertThat(HoursHistory.group(entries, 2026)).extracting((g) -> g.entry().id()).containsExactly(3L);
		assertThat(HoursHistory.group(entries, 2019)).isEmpty();
		assertThat(HoursHistory.years(entries, 2027)).containsExactly(2027, 2026, 2025);
		assertThat(HoursHistory.years(List.of(), 2026)).containsExactly(2026);
	}

	@Test
	void pendingHoursArePendingSessionsAndDeclarationsNotCorrections() {
		EntryView may = session(1, MAY, "3", EntryStatus.CONFIRMED);
		List<EntryView> entries = List.of(may, session(2, JUNE, "1.5", EntryStatus.PENDING),
				declared(3, JANUARY, "4", EntryStatus.PENDING), declared(4, JANUARY, "8", EntryStatus.REJECTED),
				correction(10, may, "-2", EntryStatus.PENDING));

		assertThat(HoursHistory.pendingHours(entries)).isEqualByComparingTo("5.5");
		assertThat(HoursHistory.pendingHours(List.of())).isEqualByComparingTo("0");
	}

	static EntryView session(long id, LocalDate day, String hours, EntryStatus status) {
		return entry(id, EntryKind.SESSION, null, day, hours, status);
	}

	static EntryView declared(long id, LocalDate day, String hours, EntryStatus status) {
		return entry(id, EntryKind.SELF_DECLARED, null, day, hours, status);
	}

	static EntryView correction(long id, EntryView original, String delta, EntryStatus status) {
		return entry(id, EntryKind.CORRECTION, original.id(), original.serviceDate(), delta, status);
	}

	static EntryView entry(long id, EntryKind kind, Long correctsId, LocalDate day, String hours, EntryStatus status) {
		Instant decided = (status == EntryStatus.PENDING) ? null : Instant.parse("2026-01-20T02:00:00Z");
		return new EntryView(id, new VolunteerId(7), kind, correctsId, null, null, "活动 " + id, day, "北京", "服务",
				new BigDecimal(hours), "servicerecord.rule.declared", List.of(), null, null, null, new UnitId(1), "单位",
				null, null, status, day.plusDays(14), Instant.parse("2026-01-19T02:00:00Z"), null, decided, null, null);
	}

}
