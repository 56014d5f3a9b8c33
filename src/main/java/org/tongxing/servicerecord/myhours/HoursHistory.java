package org.tongxing.servicerecord.myhours;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;

/**
 * A volunteer's ledger as the history page shows it: each original entry (a session or a
 * declaration) with the corrections asked for it beneath, oldest correction first, the
 * newest service on top. Pure.
 */
final class HoursHistory {

	private static final Comparator<EntryView> NEWEST_SERVICE_FIRST = Comparator
		.comparing(EntryView::serviceDate, Comparator.reverseOrder())
		.thenComparing(EntryView::id, Comparator.reverseOrder());

	private HoursHistory() {
	}

	/** An original entry and its corrections. */
	record Group(EntryView entry, List<EntryView> corrections) {

		/** The hours the entry stands at: its own and its confirmed corrections'. */
		public BigDecimal standing() {
			BigDecimal standing = this.entry.hours();
			for (EntryView correction : this.corrections) {
				if (correction.status() == EntryStatus.CONFIRMED) {
					standing = standing.add(correction.hours());
				}
			}
			return standing;
		}

		/** Whether a confirmed correction changed the entry's hours or content. */
		public boolean isCorrected() {
			return this.corrections.stream().anyMatch((c) -> c.status() == EntryStatus.CONFIRMED);
		}

		public boolean hasOpenCorrection() {
			return this.corrections.stream().anyMatch(EntryView::isPending);
		}

		/** Only a confirmed original can be corrected. */
		public boolean isCorrectable() {
			return this.entry.kind() != EntryKind.CORRECTION && this.entry.status() == EntryStatus.CONFIRMED;
		}

	}

	/**
	 * Groups the entries; with a year, only services of that year. A correction whose
	 * original is not among the entries stands as a group of its own.
	 */
	static List<Group> group(List<EntryView> entries, Integer year) {
		Map<Long, EntryView> originals = new LinkedHashMap<>();
		Map<Long, List<EntryView>> corrections = new LinkedHashMap<>();
		for (EntryView entry : entries) {
			if (entry.kind() == EntryKind.CORRECTION) {
				corrections.computeIfAbsent(entry.correctsId(), (id) -> new ArrayList<>()).add(entry);
			}
			else {
				originals.put(entry.id(), entry);
			}
		}
		List<Group> groups = new ArrayList<>();
		for (EntryView original : originals.values()) {
			List<EntryView> own = new ArrayList<>(corrections.getOrDefault(original.id(), List.of()));
			own.sort(Comparator.comparing(EntryView::id));
			groups.add(new Group(original, List.copyOf(own)));
		}
		corrections.forEach((correctsId, orphans) -> {
			if (!originals.containsKey(correctsId)) {
				orphans.forEach((orphan) -> groups.add(new Group(orphan, List.of())));
			}
		});
		return groups.stream()
			.filter((g) -> year == null || g.entry().serviceDate().getYear() == year)
			.sorted(Comparator.comparing(Group::entry, NEWEST_SERVICE_FIRST))
			.toList();
	}

	/** The years with services, and the current one, newest first. */
	static List<Integer> years(List<EntryView> entries, int currentYear) {
		TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
		years.add(currentYear);
		entries.forEach((entry) -> years.add(entry.serviceDate().getYear()));
		return List.copyOf(years);
	}

	/**
	 * Hours waiting to be confirmed: pending sessions and declarations (a pending
	 * correction changes hours already counted, so it is not among them).
	 */
	static BigDecimal pendingHours(List<EntryView> entries) {
		return entries.stream()
			.filter((e) -> e.isPending() && e.kind() != EntryKind.CORRECTION)
			.map(EntryView::hours)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
