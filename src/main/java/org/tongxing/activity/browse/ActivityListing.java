package org.tongxing.activity.browse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.activity.ActivityVisibility;
import org.tongxing.organisation.UnitScope.SqlPredicate;

/**
 * The volunteers' list of activities: published activities the viewer sees (by
 * {@link ActivityVisibility#predicate}) with sessions to come, soonest first, each with
 * its next session and the places left; in one query per page, whatever the number of
 * cards or of activities to come.
 */
@Service
public class ActivityListing {

	/** Cards per page. */
	public static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	private final ActivityVisibility visibility;

	ActivityListing(JdbcClient jdbc, ActivityVisibility visibility) {
		this.jdbc = jdbc;
		this.visibility = visibility;
	}

	/**
	 * What to list.
	 *
	 * @param from the first day (in each session's own zone), or null
	 * @param to the last day, or null
	 * @param place text the address contains, or null
	 * @param onlineOnly only sessions held online
	 * @param matching the volunteer's skills, languages and qualifications, to keep only
	 * sessions with a position they meet (and count only those positions' places), or
	 * null for every position
	 */
	public record Query(LocalDate from, LocalDate to, Long campaign, Long unit, String place, boolean onlineOnly,
			Holdings matching, int page) {
	}

	/** The codes a volunteer holds, for "matches my skills". */
	public record Holdings(Set<String> skills, Set<String> languages, Set<String> qualifications) {
	}

	/**
	 * An activity as its card shows it: the next session that matches the filter, and the
	 * positions and places left over all its matching sessions.
	 */
	public record Card(long activityId, String title, long unitId, Long campaignId, Long coverFileId, long sessionId,
			String sessionTitle, Instant startsAt, Instant endsAt, ZoneId zone, boolean online, String address,
			int sessions, int positions, long placesLeft) {

		public boolean isFull() {
			return this.positions > 0 && this.placesLeft == 0;
		}

	}

	public record Page(List<Card> cards, long total, int page) {

		public boolean hasMore() {
			return (long) (this.page + 1) * PAGE_SIZE < this.total;
		}

	}

	/**
	 * The units and campaigns of the activities the viewer would see without a filter.
	 */
	public record Facets(Set<Long> units, Set<Long> campaigns) {
	}

	@Transactional(readOnly = true)
	public Page list(ActivityVisibility.Viewer viewer, Query query) {
		Statement statement = statement(viewer, query);
		long[] total = { 0 };
		List<Card> cards = this.jdbc.sql(statement.sql()).params(statement.parameters()).query((rs, n) -> {
			total[0] = rs.getLong("total");
			return card(rs);
		}).list();
		if (cards.isEmpty() && query.page() > 0) {
			// past the end: say how many there are all the same
			total[0] = count(viewer, query);
		}
		return new Page(cards, total[0], Math.max(0, query.page()));
	}

	/** A statement with its named parameters. */
	record Statement(String sql, Map<String, Object> parameters) {
	}

	/**
	 * The one statement that returns a page of cards with the total. It orders the
	 * activities by their first matching session and cuts the page before anything is
	 * counted: the sessions, positions and places left are summed for the page's
	 * activities only (by the session index on the activity), never for every session to
	 * come.
	 */
	Statement statement(ActivityVisibility.Viewer viewer, Query query) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String positionMatch = "";
		if (query.matching() != null) {
			positionMatch = " and p.required_skills::text[] <@ string_to_array(:skills, ',')"
					+ " and p.required_languages::text[] <@ string_to_array(:languages, ',')"
					+ " and p.required_qualifications::text[] <@ string_to_array(:qualifications, ',')";
			parameters.put("skills", String.join(",", query.matching().skills()));
			parameters.put("languages", String.join(",", query.matching().languages()));
			parameters.put("qualifications", String.join(",", query.matching().qualifications()));
		}
		List<String> conditions = new ArrayList<>(base(viewer, parameters));
		if (query.from() != null) {
			conditions.add("(s.starts_at at time zone s.time_zone)::date >= :from");
			parameters.put("from", query.from());
		}
		if (query.to() != null) {
			conditions.add("(s.starts_at at time zone s.time_zone)::date <= :to");
			parameters.put("to", query.to());
		}
		if (query.campaign() != null) {
			conditions.add("a.campaign_id = :campaign");
			parameters.put("campaign", query.campaign());
		}
		if (query.unit() != null) {
			conditions.add("a.unit_id = :unit");
			parameters.put("unit", query.unit());
		}
		if (query.onlineOnly()) {
			conditions.add(ONLINE + " = true");
		}
		if (query.place() != null && !query.place().isBlank()) {
			conditions.add(ADDRESS + " ilike :place");
			parameters.put("place", "%" + likeEscaped(query.place().strip()) + "%");
		}
		if (query.matching() != null) {
			conditions.add("exists (select 1 from session_position p where p.session_id = s.id" + positionMatch + ")");
		}
		parameters.put("limit", PAGE_SIZE);
		parameters.put("offset", (long) Math.max(0, query.page()) * PAGE_SIZE);
		String where = String.join(" and ", conditions);
		String sql = """
				with firsts as (
				  select distinct on (s.activity_id) s.id, s.activity_id, s.starts_at
				  from activity_session s join activity a on a.id = s.activity_id
				  where %1$s
				  order by s.activity_id, s.starts_at, s.id
				), page as (
				  select f.id, f.activity_id, f.starts_at, count(*) over () as total
				  from firsts f
				  order by f.starts_at, f.activity_id
				  limit :limit offset :offset
				)
				select pg.total, s.id as session_id, s.title as session_title, s.starts_at, s.ends_at, s.time_zone,
				       %2$s as online, %3$s as address, a.id as activity_id, a.title, a.unit_id, a.campaign_id,
				       a.cover_file_id, t.sessions, t.positions, t.places_left
				from page pg
				join activity_session s on s.id = pg.id
				join activity a on a.id = pg.activity_id
				cross join lateral (
				  select count(distinct s.id) as sessions, count(p.id) as positions,
				         coalesce(sum(greatest(p.capacity - p.taken, 0)), 0) as places_left
				  from activity_session s join activity a on a.id = s.activity_id
				  left join session_position p on p.session_id = s.id%4$s
				  where s.activity_id = pg.activity_id and %1$s
				) t
				order by pg.starts_at, pg.activity_id
				""".formatted(where, ONLINE, ADDRESS, positionMatch);
		return new Statement(sql, parameters);
	}

	/** The organising units and campaigns of the activities listed without a filter. */
	@Transactional(readOnly = true)
	public Facets facets(ActivityVisibility.Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String sql = "select distinct a.unit_id, a.campaign_id from activity_session s join activity a on a.id = s.activity_id where "
				+ String.join(" and ", base(viewer, parameters));
		Set<Long> units = new LinkedHashSet<>();
		Set<Long> campaigns = new LinkedHashSet<>();
		this.jdbc.sql(sql).params(parameters).query((ResultSet rs) -> {
			units.add(rs.getLong("unit_id"));
			long campaign = rs.getLong("campaign_id");
			if (!rs.wasNull()) {
				campaigns.add(campaign);
			}
		});
		return new Facets(units, campaigns);
	}

	private long count(ActivityVisibility.Viewer viewer, Query query) {
		return list(viewer, new Query(query.from(), query.to(), query.campaign(), query.unit(), query.place(),
				query.onlineOnly(), query.matching(), 0))
			.total();
	}

	/**
	 * The conditions every listed session meets: a scheduled session to come of a
	 * published activity the viewer sees.
	 */
	private List<String> base(ActivityVisibility.Viewer viewer, Map<String, Object> parameters) {
		SqlPredicate visible = this.visibility.predicate(viewer, "a");
		parameters.putAll(visible.parameters());
		// the volunteers' list: never drafts, even for those who manage them
		return new ArrayList<>(
				List.of("a.status = 'PUBLISHED'", visible.sql(), "s.status = 'SCHEDULED'", "s.starts_at > now()"));
	}

	// a session without its own place takes the activity's
	private static final String OWN_PLACE = "(s.address is not null or s.online_url is not null)";

	private static final String ONLINE = "(case when " + OWN_PLACE + " then s.online else a.online end)";

	private static final String ADDRESS = "(case when " + OWN_PLACE + " then s.address else a.address end)";

	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Card card(ResultSet rs) throws SQLException {
		long campaign = rs.getLong("campaign_id");
		Long campaignId = rs.wasNull() ? null : campaign;
		return new Card(rs.getLong("activity_id"), rs.getString("title"), rs.getLong("unit_id"), campaignId,
				rs.getObject("cover_file_id", Long.class), rs.getLong("session_id"), rs.getString("session_title"),
				rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
				rs.getObject("ends_at", OffsetDateTime.class).toInstant(), ZoneId.of(rs.getString("time_zone")),
				rs.getBoolean("online"), rs.getString("address"), rs.getInt("sessions"), rs.getInt("positions"),
				rs.getLong("places_left"));
	}

}
