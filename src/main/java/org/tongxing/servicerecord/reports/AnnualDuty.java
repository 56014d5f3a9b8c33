package org.tongxing.servicerecord.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;

/**
 * The annual duty report: per unit of a subtree, the volunteers who were registered
 * volunteers during the year and whose confirmed hours of services in that year are under
 * the yearly duty ({@code tongxing.servicerecord.annual-duty-hours}, 20 as 《中国注册志愿者管理办法》
 * asks).
 * <p>
 * Who counts for a year (decided): a volunteer approved (or, without an approval date,
 * registered) before the year's end, not anonymised, who is active or suspended now, or
 * who left during or after the year (left on or after its first day). Applicants and
 * rejected applicants never count. A volunteer is grouped under their current unit. Hours
 * are the sum of CONFIRMED entries (corrections included, so an entry counts at its
 * standing hours) with a service date in the year. Days and the year's bounds are read in
 * the association's time zone.
 * <p>
 * This report reads the {@code volunteer} table (number, name, unit, status and dates,
 * read-only) in the same query as the ledger, because one grouped query over every
 * volunteer of a subtree is what a report needs; no personal field beyond the name and
 * number is read.
 */
@Service
public class AnnualDuty {

	/** A volunteer's hours in the year. */
	public record Line(VolunteerId volunteer, String number, String name, UnitId unit, BigDecimal hours) {
	}

	/** A unit's volunteers under the duty and how many counted in all. */
	public record UnitLines(UnitView unit, List<Line> under, int total) {
	}

	/** The report of a subtree for a year. */
	public record Report(int year, UnitView top, BigDecimal duty, List<UnitLines> units) {

		public int underCount() {
			return this.units.stream().mapToInt((u) -> u.under().size()).sum();
		}

		public int totalCount() {
			return this.units.stream().mapToInt(UnitLines::total).sum();
		}

	}

	private final JdbcClient jdbc;

	private final Units units;

	private final BigDecimal duty;

	private final ZoneId zone;

	AnnualDuty(JdbcClient jdbc, Units units, @Value("${tongxing.servicerecord.annual-duty-hours:20}") BigDecimal duty,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.units = units;
		this.duty = duty;
		this.zone = zone;
	}

	public BigDecimal duty() {
		return this.duty;
	}

	/**
	 * The report for the unit's subtree, for a scope that sees the unit.
	 * @throws org.tongxing.organisation.UnitNotFoundException when the scope does not see
	 * it
	 */
	@Transactional(readOnly = true)
	public Report report(UnitScope scope, UnitId unitId, int year) {
		UnitView top = this.units.get(scope, unitId);
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		OffsetDateTime yearStart = first.atStartOfDay(this.zone).toOffsetDateTime();
		OffsetDateTime nextYear = first.plusYears(1).atStartOfDay(this.zone).toOffsetDateTime();
		UnitScope.SqlPredicate visible = scope.unitIdPredicate("v.unit_id");
		List<Line> lines = this.jdbc.sql("""
				select v.id, v.number, v.name, v.unit_id, coalesce(h.hours, 0) as hours
				from volunteer v
				join unit u on u.id = v.unit_id
				left join (select e.volunteer_id, sum(e.hours) as hours from service_entry e
				           where e.status = 'CONFIRMED' and e.service_date >= :first and e.service_date <= :last
				           group by e.volunteer_id) h on h.volunteer_id = v.id
				where u.path like :path and %s
				  and v.anonymised_at is null
				  and v.status in ('ACTIVE', 'SUSPENDED', 'LEFT')
				  and coalesce(v.approved_at, v.registered_at) < :nextYear
				  and (v.left_at is null or v.left_at >= :yearStart)
				order by u.path, v.unit_id, hours, v.number""".formatted(visible.sql()))
			.params(visible.parameters())
			.param("first", first)
			.param("last", last)
			.param("path", top.path() + "%")
			.param("nextYear", nextYear)
			.param("yearStart", yearStart)
			.query((rs, n) -> new Line(new VolunteerId(rs.getLong("id")), rs.getString("number"), rs.getString("name"),
					new UnitId(rs.getLong("unit_id")), rs.getBigDecimal("hours")))
			.list();
		return group(year, top, this.duty, this.units.list(scope), lines);
	}

	/**
	 * Groups the lines by unit in tree order, keeping those under the duty; units without
	 * any counted volunteer are left out.
	 */
	static Report group(int year, UnitView top, BigDecimal duty, List<UnitView> treeOrder, List<Line> lines) {
		Map<UnitId, List<Line>> byUnit = new LinkedHashMap<>();
		for (Line line : lines) {
			byUnit.computeIfAbsent(line.unit(), (id) -> new ArrayList<>()).add(line);
		}
		List<UnitLines> result = new ArrayList<>();
		for (UnitView unit : treeOrder) {
			List<Line> all = byUnit.get(unit.id());
			if (all == null || !top.contains(unit)) {
				continue;
			}
			List<Line> under = all.stream().filter((line) -> line.hours().compareTo(duty) < 0).toList();
			result.add(new UnitLines(unit, under, all.size()));
		}
		return new Report(year, top, duty, result);
	}

}
