package org.tongxing.volunteer.drive;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.Accounts;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitClosedException;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerStatus;

/**
 * Recruitment drives (table {@code recruitment_drive}). Reads take the caller's
 * {@link UnitScope}: a drive of a unit the scope does not see is absent (404); creating
 * one needs a scope that manages the unit. A drive's public code is random (10 characters
 * of an alphabet without look-alikes), never its id, and unique by the database.
 */
@Service
public class RecruitmentDrives {

	/** Lower-case letters and digits without 0/o, 1/l/i: easy to read off a poster. */
	static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	static final int CODE_LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SELECT = """
			select d.id, d.code, d.name, d.unit_id, u.name as unit_name, u.name_en as unit_name_en, d.starts_on,
			       d.ends_on, d.created_at,
			       (select count(*) from volunteer v where v.drive_id = d.id) as sign_ups
			from recruitment_drive d join unit u on u.id = d.unit_id
			""";

	private final JdbcClient jdbc;

	private final Units units;

	private final AuditLog auditLog;

	RecruitmentDrives(JdbcClient jdbc, Units units, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.units = units;
		this.auditLog = auditLog;
	}

	/** The drives of the units the scope sees, newest first. */
	@Transactional(readOnly = true)
	public List<DriveView> list(UnitScope scope, Locale locale) {
		UnitScope.SqlPredicate visible = scope.unitIdPredicate("d.unit_id");
		return this.jdbc.sql(SELECT + " where " + visible.sql() + " order by d.created_at desc, d.id desc limit 500")
			.params(visible.parameters())
			.query((rs, n) -> view(rs, locale))
			.list();
	}

	/** A drive whose unit the scope sees. */
	@Transactional(readOnly = true)
	public Optional<DriveView> find(UnitScope scope, long id, Locale locale) {
		UnitScope.SqlPredicate visible = scope.unitIdPredicate("d.unit_id");
		Map<String, Object> parameters = new LinkedHashMap<>(visible.parameters());
		parameters.put("id", id);
		return this.jdbc.sql(SELECT + " where d.id = :id and " + visible.sql())
			.params(parameters)
			.query((rs, n) -> view(rs, locale))
			.optional();
	}

	/**
	 * A drive whose unit the scope sees.
	 * @throws DriveNotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public DriveView get(UnitScope scope, long id, Locale locale) {
		return find(scope, id, locale).orElseThrow(() -> new DriveNotFoundException(id));
	}

	/**
	 * The drive of a public code, for the short link and the registration form (which
	 * checks the dates with {@link DriveView#isOpenOn}).
	 */
	@Transactional(readOnly = true)
	public Optional<DriveView> findByCode(String code, Locale locale) {
		if (code == null || code.length() > 32) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " where d.code = :code")
			.param("code", code)
			.query((rs, n) -> view(rs, locale))
			.optional();
	}

	/** The units the scope may create drives for: open units it manages. */
	@Transactional(readOnly = true)
	public List<UnitView> unitsFor(UnitScope scope) {
		return this.units.list(scope).stream().filter(UnitView::isOpen).filter(scope::mayManage).toList();
	}

	/**
	 * Creates a drive with a new random code and records it in the audit log.
	 * @throws org.tongxing.organisation.UnitNotFoundException when the scope does not see
	 * the unit
	 * @throws org.springframework.security.access.AccessDeniedException when it does not
	 * manage it
	 * @throws UnitClosedException when the unit is closed
	 * @throws IllegalArgumentException when the drive ends before it starts
	 */
	@Transactional
	public long create(UnitScope scope, String name, UnitId unitId, LocalDate startsOn, LocalDate endsOn) {
		UnitView unit = this.units.get(scope, unitId);
		scope.requireMayManage(unit);
		if (!unit.isOpen()) {
			throw new UnitClosedException(unit.id());
		}
		if (endsOn.isBefore(startsOn)) {
			throw new IllegalArgumentException("A drive ends on or after its first day");
		}
		Long createdBy = Accounts.current().map((account) -> account.id().value()).orElse(null);
		// "on conflict do nothing" keeps the transaction usable when a random code is
		// taken (all but impossible among 31^10), and another code is drawn
		for (int attempt = 0; attempt < 5; attempt++) {
			String code = newCode();
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("""
					insert into recruitment_drive (code, name, unit_id, starts_on, ends_on, created_by)
					values (:code, :name, :unit, :startsOn, :endsOn, :createdBy)
					on conflict (code) do nothing
					""")
				.param("code", code)
				.param("name", name.strip())
				.param("unit", unit.id().value())
				.param("startsOn", startsOn)
				.param("endsOn", endsOn)
				.param("createdBy", createdBy)
				.update(keys, "id");
			if (!keys.getKeyList().isEmpty()) {
				long id = keys.getKey().longValue();
				Map<String, Object> state = new LinkedHashMap<>();
				state.put("code", code);
				state.put("name", name.strip());
				state.put("unit", unit.id().value());
				state.put("startsOn", startsOn.toString());
				state.put("endsOn", endsOn.toString());
				this.auditLog.record("recruitment-drive", id, "created", null, state);
				return id;
			}
		}
		throw new IllegalStateException("No free drive code after 5 attempts");
	}

	/** The volunteers who registered through the drive, newest first. */
	@Transactional(readOnly = true)
	public List<DriveSignUp> signUps(DriveView drive, int limit) {
		return this.jdbc.sql("""
				select id, name, phone_masked, status, registered_at from volunteer
				where drive_id = :drive order by registered_at desc, id desc limit :limit
				""")
			.param("drive", drive.id())
			.param("limit", limit)
			.query((rs, n) -> new DriveSignUp(rs.getLong("id"), rs.getString("name"), rs.getString("phone_masked"),
					VolunteerStatus.valueOf(rs.getString("status")), rs.getTimestamp("registered_at").toInstant()))
			.list();
	}

	static String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	private static DriveView view(ResultSet rs, Locale locale) throws SQLException {
		String unitName = rs.getString("unit_name");
		String unitNameEn = rs.getString("unit_name_en");
		if (locale != null && "en".equals(locale.getLanguage()) && unitNameEn != null && !unitNameEn.isBlank()) {
			unitName = unitNameEn;
		}
		return new DriveView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				new UnitId(rs.getLong("unit_id")), unitName, rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
				rs.getLong("sign_ups"));
	}

}
