package org.tongxing.volunteer.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.registry.VolunteerQuery.Columns;

/**
 * Reads of the registry for admins: the search over the volunteers a {@link UnitScope}
 * sees (through {@link VolunteerQuery}, so the scope is always part of the SQL), and the
 * catalogues its filter offers. Personal data appears only masked here.
 */
@Service
public class Registry {

	private final JdbcClient jdbc;

	private final Units units;

	private final Volunteers volunteers;

	private final ZoneId zone;

	Registry(JdbcClient jdbc, Units units, Volunteers volunteers,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.units = units;
		this.volunteers = volunteers;
		this.zone = zone;
	}

	/** A volunteer in the registry's table (masked). */
	public record Row(long id, String number, String name, Sex sex, LocalDate birthDate, VolunteerStatus status,
			long unitId, String unitName, String unitNameEn, String idNumberMasked, String phoneMasked, String email,
			String country, String city, Instant registeredAt) {

		public String unitName(Locale locale) {
			boolean english = locale != null && "en".equals(locale.getLanguage());
			return (english && this.unitNameEn != null && !this.unitNameEn.isBlank()) ? this.unitNameEn : this.unitName;
		}

		public int ageOn(LocalDate day) {
			return (this.birthDate != null) ? java.time.Period.between(this.birthDate, day).getYears() : -1;
		}

	}

	/** One page of results. */
	public record Results(List<Row> rows, long total, int page, int pageSize) {

		public int totalPages() {
			return (int) ((this.total + this.pageSize - 1) / this.pageSize);
		}

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return this.page + 1 < totalPages();
		}

		public boolean isEmpty() {
			return this.rows.isEmpty();
		}

	}

	/** An entry of a catalogue (skill, qualification type). */
	public record Choice(String code, String name, String nameEn) {

		public String label(Locale locale) {
			boolean english = locale != null && "en".equals(locale.getLanguage());
			return (english && this.nameEn != null && !this.nameEn.isBlank()) ? this.nameEn : this.name;
		}

	}

	/** The page of volunteers the filter finds within the scope. */
	@Transactional(readOnly = true)
	public Results search(UnitScope scope, RegistryFilterForm filter) {
		VolunteerQuery query = query(scope, filter);
		VolunteerQuery.Sql count = query.count();
		long total = this.jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single();
		int pageSize = RegistryFilterForm.PAGE_SIZE;
		int page = filter.getPage();
		// a page past the end shows the last one, so a link kept after deletions still
		// works
		int lastPage = (int) Math.max(0, (total - 1) / pageSize);
		page = Math.min(page, lastPage);
		VolunteerQuery.Sql select = query.page(Columns.LIST, page * pageSize, pageSize);
		List<Row> rows = this.jdbc.sql(select.sql()).params(select.parameters()).query(Registry::row).list();
		return new Results(rows, total, page, pageSize);
	}

	/**
	 * The query of a filter within the scope. A unit the scope does not see matches
	 * nothing.
	 */
	VolunteerQuery query(UnitScope scope, RegistryFilterForm filter) {
		LocalDate today = this.volunteers.today();
		VolunteerQuery query = VolunteerQuery.in(scope)
			.text(filter.getQ())
			.status(filter.getStatus())
			.skill(filter.getSkill(), filter.skillLevelOrMinimum())
			.language(filter.getLanguage(), filter.languageLevelOrMinimum())
			.qualification(filter.getQualification(), today)
			.country(filter.getCountry())
			.age(filter.getAge(), today)
			.registeredFrom(startOf(filter.getFrom()))
			.registeredBefore(startOf((filter.getTo() != null) ? filter.getTo().plusDays(1) : null))
			.sort(filter.getSort(), filter.isDescending());
		if (filter.getUnit() != null) {
			Optional<UnitView> unit = this.units.find(scope, new UnitId(filter.getUnit()));
			// an unseen unit's path is never put into the SQL; the filter then finds
			// nothing
			query.subtree(unit.map(UnitView::path).orElse("/unseen/"));
		}
		return query;
	}

	/** Countries of the volunteers the scope sees, for the country filter. */
	@Transactional(readOnly = true)
	public List<String> countries(UnitScope scope) {
		VolunteerQuery.Sql sql = VolunteerQuery.in(scope).countries();
		return this.jdbc.sql(sql.sql()).params(sql.parameters()).query(String.class).list();
	}

	@Transactional(readOnly = true)
	public List<Choice> skills() {
		return this.jdbc.sql("select code, name, name_en from skill order by id")
			.query((rs, n) -> new Choice(rs.getString("code"), rs.getString("name"), rs.getString("name_en")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Choice> qualificationTypes() {
		return this.jdbc.sql("select code, name, name_en from qualification_type order by id")
			.query((rs, n) -> new Choice(rs.getString("code"), rs.getString("name"), rs.getString("name_en")))
			.list();
	}

	private OffsetDateTime startOf(LocalDate day) {
		return (day != null) ? day.atStartOfDay(this.zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC)
				: null;
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		String sex = rs.getString("sex");
		java.sql.Date birthDate = rs.getDate("birth_date");
		return new Row(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
				(sex != null) ? Sex.valueOf(sex) : null, (birthDate != null) ? birthDate.toLocalDate() : null,
				VolunteerStatus.valueOf(rs.getString("status")), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getString("unit_name_en"), rs.getString("id_number_masked"), rs.getString("phone_masked"),
				rs.getString("email"), rs.getString("country"), rs.getString("city"),
				rs.getTimestamp("registered_at").toInstant());
	}

}
