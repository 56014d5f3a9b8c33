package org.tongxing.volunteer.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.VolunteerStatus;

/**
 * Builds the registry's SQL over table {@code volunteer} (alias {@code v}, joined to its
 * unit {@code u}): the viewer's {@link UnitScope} is ALWAYS one of its conditions, every
 * value a user typed is a named parameter, and the parts of the SQL text that vary (sort
 * column, selected columns) come from enums of this class, never from input.
 *
 * <p>
 * Use: {@code VolunteerQuery.in(scope).language("fr", 3).skill("law", 2).subtree(path)}
 * then {@link #count()}, {@link #page(Columns, int, int)} or {@link #all(Columns)}, and
 * bind the returned {@link Sql#parameters()}.
 */
public final class VolunteerQuery {

	/** The sort orders offered; each ends with the id so that pages are stable. */
	public enum Sort {

		NAME("v.name %s, v.id %s"), NUMBER("v.number %s nulls last, v.id %s"),
		REGISTERED("v.registered_at %s, v.id %s"), UNIT("u.name %s, v.name, v.id %s");

		private final String orderBy;

		Sort(String orderBy) {
			this.orderBy = orderBy;
		}

		String orderBy(boolean descending) {
			String direction = descending ? "desc" : "asc";
			return this.orderBy.formatted(direction, direction);
		}

	}

	/** Age bands by whole years on the day of the search. */
	public enum AgeBand {

		UNDER_18(null, 17), FROM_18_TO_35(18, 35), FROM_36_TO_60(36, 60), OVER_60(61, null);

		private final Integer min;

		private final Integer max;

		AgeBand(Integer min, Integer max) {
			this.min = min;
			this.max = max;
		}

		/** The oldest birth date of the band (inclusive), or null. */
		LocalDate bornOnOrAfter(LocalDate today) {
			// aged at most max: born after the day (max + 1) years ago
			return (this.max != null) ? today.minusYears(this.max + 1).plusDays(1) : null;
		}

		/** The youngest birth date of the band (inclusive), or null. */
		LocalDate bornOnOrBefore(LocalDate today) {
			return (this.min != null) ? today.minusYears(this.min) : null;
		}

	}

	/** What a query selects. */
	public enum Columns {

		/** The registry's table: masked data only. */
		LIST("""
				v.id, v.number, v.name, v.sex, v.birth_date, v.status, v.unit_id, u.name as unit_name,
				u.name_en as unit_name_en, v.id_number_masked, v.phone_masked, v.email, v.country, v.city,
				v.registered_at"""),

		/** The export: the table's columns with skills and languages, masked. */
		EXPORT(LIST.sql + """
				, v.id_type, v.residential_area, v.status_reason, v.source,
				(select string_agg(s.code || ':' || vs.level, ',' order by s.code)
				   from volunteer_skill vs join skill s on s.id = vs.skill_id where vs.volunteer_id = v.id) as skills,
				(select string_agg(vl.language || ':' || vl.level, ',' order by vl.language)
				   from volunteer_language vl where vl.volunteer_id = v.id) as languages"""),

		/**
		 * The export with the ciphertexts of the ID number and phone, for an unmasked
		 * export.
		 */
		EXPORT_UNMASKED(EXPORT.sql + ", v.id_number_cipher, v.phone_cipher");

		private final String sql;

		Columns(String sql) {
			this.sql = sql;
		}

	}

	/** A statement and its named parameters. */
	public record Sql(String sql, Map<String, Object> parameters) {
	}

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private Sort sort = Sort.NAME;

	private boolean descending;

	private VolunteerQuery(UnitScope scope) {
		UnitScope.SqlPredicate predicate = scope.unitIdPredicate("v.unit_id");
		this.conditions.add(predicate.sql());
		this.parameters.putAll(predicate.parameters());
	}

	/** Volunteers of the units the scope sees: the start of every registry query. */
	public static VolunteerQuery in(UnitScope scope) {
		return new VolunteerQuery(scope);
	}

	/**
	 * Name, volunteer number or email containing the text (any case); blank: no
	 * condition.
	 */
	public VolunteerQuery text(String text) {
		if (text != null && !text.isBlank()) {
			this.conditions.add("(v.name ilike :text or v.number ilike :text or v.email ilike :text)");
			this.parameters.put("text", "%" + escapeLike(text.strip()) + "%");
		}
		return this;
	}

	/**
	 * In the unit with this materialised path or below it; {@code null}: no condition.
	 * The scope condition still applies, so a path outside it widens nothing.
	 */
	public VolunteerQuery subtree(String unitPath) {
		if (unitPath != null) {
			this.conditions.add("v.unit_id in (select f_unit.id from unit f_unit where f_unit.path like :subtreePath)");
			this.parameters.put("subtreePath", escapeLike(unitPath) + "%");
		}
		return this;
	}

	public VolunteerQuery status(VolunteerStatus status) {
		if (status != null) {
			this.conditions.add("v.status = :status");
			this.parameters.put("status", status.name());
		}
		return this;
	}

	/** With the catalogue skill of this code at the level or above. */
	public VolunteerQuery skill(String code, int minimumLevel) {
		if (code != null && !code.isBlank()) {
			this.conditions
				.add("""
						exists (select 1 from volunteer_skill vs where vs.volunteer_id = v.id
						        and vs.skill_id = (select s.id from skill s where s.code = :skill) and vs.level >= :skillLevel)""");
			this.parameters.put("skill", code);
			this.parameters.put("skillLevel", Math.max(1, minimumLevel));
		}
		return this;
	}

	/** Speaking the language (ISO 639-1 code) at the level or above. */
	public VolunteerQuery language(String code, int minimumLevel) {
		if (code != null && !code.isBlank()) {
			this.conditions.add("""
					exists (select 1 from volunteer_language vl where vl.volunteer_id = v.id
					        and vl.language = :language and vl.level >= :languageLevel)""");
			this.parameters.put("language", code);
			this.parameters.put("languageLevel", Math.max(1, minimumLevel));
		}
		return this;
	}

	/** Holding an approved qualification of this type that has not expired on the day. */
	public VolunteerQuery qualification(String typeCode, LocalDate today) {
		if (typeCode != null && !typeCode.isBlank()) {
			this.conditions.add("""
					exists (select 1 from volunteer_qualification vq join qualification_type qt on qt.id = vq.type_id
					        where vq.volunteer_id = v.id and qt.code = :qualification and vq.status = 'APPROVED'
					        and (vq.expires_on is null or vq.expires_on >= :qualificationDay))""");
			this.parameters.put("qualification", typeCode);
			this.parameters.put("qualificationDay", today);
		}
		return this;
	}

	/** Living abroad in this country (as recorded). */
	public VolunteerQuery country(String country) {
		if (country != null && !country.isBlank()) {
			this.conditions.add("v.country = :country");
			this.parameters.put("country", country.strip());
		}
		return this;
	}

	public VolunteerQuery age(AgeBand band, LocalDate today) {
		if (band != null) {
			LocalDate earliest = band.bornOnOrAfter(today);
			LocalDate latest = band.bornOnOrBefore(today);
			if (earliest != null) {
				this.conditions.add("v.birth_date >= :bornFrom");
				this.parameters.put("bornFrom", earliest);
			}
			if (latest != null) {
				this.conditions.add("v.birth_date <= :bornTo");
				this.parameters.put("bornTo", latest);
			}
		}
		return this;
	}

	/** Registered at or after the instant. */
	public VolunteerQuery registeredFrom(OffsetDateTime from) {
		if (from != null) {
			this.conditions.add("v.registered_at >= :registeredFrom");
			this.parameters.put("registeredFrom", from);
		}
		return this;
	}

	/** Registered before the instant. */
	public VolunteerQuery registeredBefore(OffsetDateTime before) {
		if (before != null) {
			this.conditions.add("v.registered_at < :registeredBefore");
			this.parameters.put("registeredBefore", before);
		}
		return this;
	}

	public VolunteerQuery sort(Sort sort, boolean descending) {
		this.sort = (sort != null) ? sort : Sort.NAME;
		this.descending = descending;
		return this;
	}

	/** How many volunteers match. */
	public Sql count() {
		return new Sql("select count(*) from volunteer v where " + where(), Map.copyOf(this.parameters));
	}

	/** One page of the matches, sorted. */
	public Sql page(Columns columns, int offset, int limit) {
		Map<String, Object> parameters = new LinkedHashMap<>(this.parameters);
		parameters.put("offset", Math.max(0, offset));
		parameters.put("limit", Math.max(1, limit));
		return new Sql(select(columns) + " limit :limit offset :offset", parameters);
	}

	/** Every match, sorted (for exports: read it with a fetch size, not into a list). */
	public Sql all(Columns columns) {
		return new Sql(select(columns), Map.copyOf(this.parameters));
	}

	/** The distinct countries of the matches, for the country filter's choices. */
	public Sql countries() {
		return new Sql("select distinct v.country from volunteer v where v.country is not null and " + where()
				+ " order by v.country", Map.copyOf(this.parameters));
	}

	private String select(Columns columns) {
		return "select " + columns.sql + " from volunteer v join unit u on u.id = v.unit_id where " + where()
				+ " order by " + this.sort.orderBy(this.descending);
	}

	private String where() {
		return String.join("\n  and ", this.conditions);
	}

	/** The text with LIKE's wildcards and escape character taken literally. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
