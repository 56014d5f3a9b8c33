package org.tongxing.activity.browse;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.ActivityVisibility;
import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.Plans;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * What the page of one activity shows a volunteer: its details, attachments, and its
 * sessions to come with their positions, places left and requirements, and for each
 * position either that the volunteer may sign up or why not, or their own sign-up for the
 * session.
 */
@Service
class ActivityPage {

	/** Sessions per page of an activity with many (shifts of a mega-event). */
	static final int SESSIONS_PER_PAGE = 20;

	private final JdbcClient jdbc;

	private final Activities activities;

	private final ActivityVisibility visibility;

	private final SignUps signUps;

	private final Volunteers volunteers;

	private final Units units;

	private final Plans plans;

	private final CatalogueNames catalogueNames;

	private final BrowseTexts texts;

	ActivityPage(JdbcClient jdbc, Activities activities, ActivityVisibility visibility, SignUps signUps,
			Volunteers volunteers, Units units, Plans plans, CatalogueNames catalogueNames, BrowseTexts texts) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.visibility = visibility;
		this.signUps = signUps;
		this.volunteers = volunteers;
		this.units = units;
		this.plans = plans;
		this.catalogueNames = catalogueNames;
		this.texts = texts;
	}

	record Attachment(long id, String filename, long sizeBytes) {
	}

	/** The volunteer's live sign-up for a session. */
	record Mine(long id, long positionId, String positionName, SignUpStatus status, String offerToken) {
	}

	record Position(long id, String name, String description, int capacity, int taken, Approval approval,
			Integer minAge, List<String> skills, List<String> languages, List<String> qualifications,
			List<String> refusals) {

		public int placesLeft() {
			return Math.max(0, this.capacity - this.taken);
		}

		public boolean isFull() {
			return this.taken >= this.capacity;
		}

		public boolean hasRequirements() {
			return this.minAge != null || !this.skills.isEmpty() || !this.languages.isEmpty()
					|| !this.qualifications.isEmpty();
		}

	}

	record Session(SessionView view, List<Position> positions, Mine mine) {

		/** Whether any of its positions may be chosen. */
		public boolean hasChoice() {
			return this.mine == null && !this.view.cancelled()
					&& this.positions.stream().anyMatch((position) -> position.refusals().isEmpty());
		}

	}

	record Detail(ActivityView activity, String unitName, List<String> coOrganisers, String campaignLabel,
			List<Attachment> attachments, List<Session> sessions, int sessionsTotal, int page, boolean volunteer) {

		public boolean hasMore() {
			return (this.page + 1) * SESSIONS_PER_PAGE < this.sessionsTotal;
		}

		public boolean hasChoice() {
			return this.sessions.stream().anyMatch(Session::hasChoice);
		}

	}

	/**
	 * The activity as the account sees it.
	 * @throws ActivityNotFoundException when it does not exist or the account may not see
	 * it
	 */
	@Transactional(readOnly = true)
	Detail detail(SignedInAccount account, ActivityId id, int page, Locale locale) {
		ActivityView activity = visible(account, id);
		UnitScope any = UnitScope.everything(false);
		String unitName = this.units.find(any, activity.unit()).map((unit) -> unit.displayName(locale)).orElse("");
		List<String> coOrganisers = activity.coOrganisers()
			.stream()
			.map((unit) -> this.units.find(any, unit))
			.flatMap(java.util.Optional::stream)
			.sorted(Comparator.comparing(UnitView::path))
			.map((unit) -> unit.displayName(locale))
			.toList();
		String campaign = (activity.campaign() != null)
				? this.plans.findCampaign(activity.campaign()).map(CampaignView::label).orElse(null) : null;
		List<Attachment> attachments = this.jdbc.sql("""
				select id, filename, size_bytes from activity_file
				where activity_id = ? and kind = 'ATTACHMENT' order by id""")
			.param(id.value())
			.query((rs, n) -> new Attachment(rs.getLong("id"), rs.getString("filename"), rs.getLong("size_bytes")))
			.list();

		Instant now = Instant.now();
		List<SessionView> toCome = this.activities.sessions(id)
			.stream()
			.filter((session) -> session.startsAt().isAfter(now))
			.toList();
		int safePage = Math.max(0, Math.min(page, Math.max(0, (toCome.size() - 1) / SESSIONS_PER_PAGE)));
		List<SessionView> shown = toCome.stream()
			.skip((long) safePage * SESSIONS_PER_PAGE)
			.limit(SESSIONS_PER_PAGE)
			.toList();

		VolunteerView volunteer = this.volunteers.findByAccount(account.id()).orElse(null);
		Map<Long, Mine> mine = (volunteer != null) ? mine(volunteer, id) : Map.of();
		Map<Long, List<Position>> positions = positions(shown, account, mine, volunteer != null, locale);
		List<Session> sessions = new ArrayList<>();
		for (SessionView session : shown) {
			sessions.add(new Session(session, positions.getOrDefault(session.id().value(), List.of()),
					mine.get(session.id().value())));
		}
		return new Detail(activity, unitName, coOrganisers, campaign, attachments, sessions, toCome.size(), safePage,
				volunteer != null);
	}

	/**
	 * The activity, when the account may see it.
	 * @throws ActivityNotFoundException otherwise
	 */
	@Transactional(readOnly = true)
	ActivityView visible(SignedInAccount account, ActivityId id) {
		ActivityView activity = this.activities.find(id)
			.orElseThrow(() -> new ActivityNotFoundException("activity", id));
		if (!this.visibility.canSee(this.visibility.viewer(account), activity)) {
			throw new ActivityNotFoundException("activity", id);
		}
		return activity;
	}

	private Map<Long, Mine> mine(VolunteerView volunteer, ActivityId activity) {
		Map<Long, Mine> mine = new HashMap<>();
		this.jdbc.sql("""
				select g.id, g.session_id, g.position_id, p.name, g.status, g.offer_token
				from signup g join activity_session s on s.id = g.session_id
				join session_position p on p.id = g.position_id
				where g.volunteer_id = ? and s.activity_id = ?
				  and g.status in ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED')""")
			.params(volunteer.id().value(), activity.value())
			.query((ResultSet rs) -> {
				mine.put(rs.getLong("session_id"),
						new Mine(rs.getLong("id"), rs.getLong("position_id"), rs.getString("name"),
								SignUpStatus.valueOf(rs.getString("status")), rs.getString("offer_token")));
			});
		return mine;
	}

	private Map<Long, List<Position>> positions(List<SessionView> sessions, SignedInAccount account,
			Map<Long, Mine> mine, boolean volunteer, Locale locale) {
		Map<Long, List<Position>> result = new LinkedHashMap<>();
		if (sessions.isEmpty()) {
			return result;
		}
		CatalogueNames.Names names = this.catalogueNames.read(locale);
		Map<Long, SessionView> byId = new HashMap<>();
		sessions.forEach((session) -> byId.put(session.id().value(), session));
		record Row(long id, long session, String name, String description, int capacity, int taken, Approval approval,
				Integer minAge, Set<String> skills, Set<String> languages, Set<String> qualifications) {
		}
		List<Row> rows = this.jdbc.sql("""
				select * from session_position where session_id in (:sessions) order by session_id, sort_order, id""")
			.param("sessions", byId.keySet())
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("session_id"), rs.getString("name"),
					rs.getString("description"), rs.getInt("capacity"), rs.getInt("taken"),
					Approval.valueOf(rs.getString("approval")), rs.getObject("min_age", Integer.class),
					strings(rs.getArray("required_skills")), strings(rs.getArray("required_languages")),
					strings(rs.getArray("required_qualifications"))))
			.list();
		for (Row row : rows) {
			SessionView session = byId.get(row.session());
			// the reasons matter only where the volunteer could still choose
			List<String> refusals = (volunteer && !mine.containsKey(row.session()) && !session.cancelled())
					? this.signUps.check(account.id(), new PositionId(row.id()))
						.stream()
						.map((refusal) -> this.texts.refusal(refusal, names))
						.toList()
					: List.of();
			result.computeIfAbsent(row.session(), (key) -> new ArrayList<>())
				.add(new Position(row.id(), row.name(), row.description(), row.capacity(), row.taken(), row.approval(),
						row.minAge(), names.skills(row.skills()), names.languages(row.languages()),
						names.qualifications(row.qualifications()), refusals));
		}
		return result;
	}

	private static Set<String> strings(Array array) throws SQLException {
		return (array != null) ? Set.of((String[]) array.getArray()) : Set.of();
	}

}
