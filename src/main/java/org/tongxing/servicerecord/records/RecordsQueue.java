package org.tongxing.servicerecord.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordNotFoundException;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.WorkingCalendar;
import org.tongxing.servicerecord.WorkingDays;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * The pending records of the units an admin manages, overdue ones first (with how many
 * working days late), and one record with its whole history for the decision.
 */
@Service
class RecordsQueue {

	private final ServiceRecords records;

	private final WorkingCalendar calendar;

	private final Units units;

	private final Volunteers volunteers;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	RecordsQueue(ServiceRecords records, WorkingCalendar calendar, Units units, Volunteers volunteers,
			Accounts accounts, JdbcClient jdbc, @Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.records = records;
		this.calendar = calendar;
		this.units = units;
		this.volunteers = volunteers;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** A pending record in the queue. */
	record Row(EntryView entry, VolunteerView volunteer, boolean overdue, int daysLate, boolean mayDecide) {
	}

	/** The queue, filtered by kind and by a unit (with the units below it). */
	record Queue(List<Row> rows, List<UnitView> units, LocalDate today, EntryKind kind, Long unit) {

		public long overdueCount() {
			return this.rows.stream().filter(Row::overdue).count();
		}

	}

	/** One record, its original (for a correction) and every entry of their history. */
	record Detail(EntryView entry, VolunteerView volunteer, EntryView original, List<EntryView> history,
			BigDecimal standingBefore, BigDecimal standingAfter, boolean overdue, int daysLate, boolean mayDecide,
			Evidence evidence, Map<Long, String> people) {

		public String person(Long account) {
			return (account != null) ? this.people.get(account) : null;
		}

	}

	/**
	 * A self-declaration's evidence file; {@code erased} once the volunteer was
	 * anonymised (its name and bytes are gone, it is not served).
	 */
	record Evidence(long id, String fileName, String contentType, int size, boolean erased) {
	}

	/** An evidence file's bytes. */
	record EvidenceFile(Evidence evidence, byte[] content) {
	}

	@Transactional(readOnly = true)
	Queue queue(UnitScope scope, EntryKind kind, Long unit) {
		if (scope.seesNothing()) {
			throw new AccessDeniedException("Only unit admins have a queue of records");
		}
		LocalDate today = today();
		WorkingDays days = this.calendar.days();
		List<UnitView> visible = this.units.list(scope);
		Map<UnitId, UnitView> byId = new LinkedHashMap<>();
		visible.forEach((view) -> byId.put(view.id(), view));
		UnitView within = (unit != null) ? byId.get(new UnitId(unit)) : null;
		List<EntryView> pending = this.records.pending(scope)
			.stream()
			.filter((entry) -> kind == null || entry.kind() == kind)
			.filter((entry) -> within == null
					|| (byId.containsKey(entry.recordingUnit()) && within.contains(byId.get(entry.recordingUnit()))))
			.toList();
		Set<VolunteerId> ids = new LinkedHashSet<>();
		pending.forEach((entry) -> ids.add(entry.volunteer()));
		Map<VolunteerId, VolunteerView> views = this.volunteers.views(ids);
		List<Row> rows = new ArrayList<>();
		for (EntryView entry : pending) {
			boolean overdue = entry.isOverdueOn(today);
			rows.add(new Row(entry, views.get(entry.volunteer()), overdue,
					overdue ? workingDaysLate(days, entry.dueOn(), today) : 0, this.records.mayDecide(scope, entry)));
		}
		// overdue first, the latest first among them; then by the last day to confirm
		rows.sort(Comparator.comparing((Row row) -> !row.overdue())
			.thenComparing((Row row) -> row.entry().dueOn())
			.thenComparing((Row row) -> row.entry().id()));
		return new Queue(rows, visible, today, kind, (within != null) ? unit : null);
	}

	/**
	 * One record for an admin who may decide it or who sees its recording unit.
	 * @throws AccessDeniedException for anyone else
	 */
	@Transactional(readOnly = true)
	Detail detail(UnitScope scope, long id) {
		EntryView entry = this.records.get(id);
		boolean mayDecide = this.records.mayDecide(scope, entry);
		if (!mayDecide && !this.units.canSee(scope, entry.recordingUnit())) {
			throw new AccessDeniedException("Not an admin of the recording unit");
		}
		EntryView original = (entry.correctsId() != null) ? this.records.get(entry.correctsId()) : entry;
		List<EntryView> history = this.records.history(entry.volunteer())
			.stream()
			.filter((other) -> other.id() == original.id()
					|| (other.correctsId() != null && other.correctsId() == original.id()))
			.sorted(Comparator.comparing(EntryView::id))
			.toList();
		BigDecimal before = null;
		BigDecimal after = null;
		if (entry.correctsId() != null) {
			BigDecimal standing = this.records.standing(original.id());
			boolean counted = entry.status() == org.tongxing.servicerecord.EntryStatus.CONFIRMED;
			before = counted ? standing.subtract(entry.hours()) : standing;
			after = before.add(entry.hours());
		}
		LocalDate today = today();
		boolean overdue = entry.isOverdueOn(today);
		int late = overdue ? workingDaysLate(this.calendar.days(), entry.dueOn(), today) : 0;
		Evidence evidence = (entry.evidenceFileId() != null) ? evidence(entry.evidenceFileId()).orElse(null) : null;
		VolunteerView volunteer = this.volunteers.views(Set.of(entry.volunteer())).get(entry.volunteer());
		Map<Long, String> people = new LinkedHashMap<>();
		for (EntryView shown : history) {
			for (Long account : new Long[] { shown.recordedBy(), shown.decidedBy() }) {
				if (account != null && !people.containsKey(account)) {
					people.put(account,
							this.accounts.find(new AccountId(account))
								.map(AccountView::displayName)
								.orElse(String.valueOf(account)));
				}
			}
		}
		return new Detail(entry, volunteer, (original.id() != entry.id()) ? original : null, history, before, after,
				overdue, late, mayDecide, evidence, people);
	}

	/**
	 * A self-declaration's evidence, for an admin who may decide an entry it belongs to.
	 * @throws ServiceRecordNotFoundException when no entry has it, or it was erased (the
	 * volunteer was anonymised: never an empty file)
	 * @throws AccessDeniedException when the scope may decide none of them
	 */
	@Transactional(readOnly = true)
	EvidenceFile evidenceFile(UnitScope scope, long fileId) {
		List<Long> entries = this.jdbc.sql("select id from service_entry where evidence_file_id = ? order by id")
			.param(fileId)
			.query(Long.class)
			.list();
		if (entries.isEmpty()) {
			throw new ServiceRecordNotFoundException("file", fileId);
		}
		if (entries.stream().noneMatch((entry) -> this.records.mayDecide(scope, this.records.get(entry)))) {
			throw new AccessDeniedException("Not an admin who decides this record");
		}
		return this.jdbc.sql("""
				select id, file_name, content_type, size_bytes, content from service_file
				where id = ? and erased_at is null""")
			.param(fileId)
			.query((rs,
					n) -> new EvidenceFile(new Evidence(rs.getLong("id"), rs.getString("file_name"),
							rs.getString("content_type"), rs.getInt("size_bytes"), false), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new ServiceRecordNotFoundException("file", fileId));
	}

	private Optional<Evidence> evidence(long fileId) {
		return this.jdbc.sql(
				"select id, file_name, content_type, size_bytes, erased_at is not null as erased from service_file where id = ?")
			.param(fileId)
			.query((rs, n) -> new Evidence(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
					rs.getInt("size_bytes"), rs.getBoolean("erased")))
			.optional();
	}

	LocalDate today() {
		return LocalDate.now(this.zone);
	}

	/** Working days from the day after the last day to confirm up to today. */
	static int workingDaysLate(WorkingDays days, LocalDate dueOn, LocalDate today) {
		int late = 0;
		for (LocalDate day = dueOn.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
			if (days.isWorkingDay(day)) {
				late++;
			}
		}
		return late;
	}

}
