package org.tongxing.servicerecord.certificate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.shared.web.BrandingProperties;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Certificates of volunteer service (志愿服务证明), issued free, on request, as often as asked
 * (each issue is a new certificate with its own number and code).
 *
 * <p>
 * A certificate states the volunteer's CONFIRMED services of a period: each confirmed
 * session or self-declared entry at its standing hours (its confirmed corrections folded
 * in, the corrected content shown), entries standing at zero hours left out. The period
 * must not be empty of hours, must not end after today, and must not start after it ends;
 * refusals are {@link ServiceRecordException}s with keys
 * {@code servicerecord.certificate.*}.
 *
 * <p>
 * The issuer is the recording unit, as 《志愿服务记录与证明出具办法（试行）》 asks: when every stated entry
 * was recorded by one unit, that unit; when they span several, the association (the root
 * unit) issues it for all of them. The person in charge is
 * {@code tongxing.servicerecord.certificate.person-in-charge} when configured, else the
 * issuing unit's contact.
 *
 * <p>
 * The PDF and the figures are stored as issued, so a certificate reads the same whenever
 * it is downloaded or verified. Admins of the volunteer's unit (and coordinators) revoke
 * a certificate with a reason; it is never deleted. Issues and revocations are audited.
 * When the volunteer is anonymised the PDF and the name go ({@link CertificateErasure}).
 */
@Service
public class Certificates {

	static final String KEY = "servicerecord.certificate.";

	private static final UnitScope ALL = UnitScope.everything(false);

	private static final String COLUMNS = """
			select id, number, verify_code, volunteer_id, period_from, period_to, hours, name_masked, issuer_unit_id,
			  issuer_name, person_in_charge, issued_at, issued_by, revoked_at, revoked_by, revoke_reason, erased_at
			from certificate""";

	/** How many certificates the admin list reads at a time while filtering. */
	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final ServiceRecords records;

	private final Volunteers volunteers;

	private final Units units;

	private final AuditLog audit;

	private final CertificatePdf pdf;

	private final MessageSource messages;

	private final BrandingProperties branding;

	private final String baseUrl;

	private final ZoneId zone;

	private final String personInCharge;

	Certificates(JdbcClient jdbc, ServiceRecords records, Volunteers volunteers, Units units, AuditLog audit,
			CertificatePdf pdf, MessageSource messages, BrandingProperties branding,
			@Value("${tongxing.base-url}") String baseUrl,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone,
			@Value("${tongxing.servicerecord.certificate.person-in-charge:}") String personInCharge) {
		this.jdbc = jdbc;
		this.records = records;
		this.volunteers = volunteers;
		this.units = units;
		this.audit = audit;
		this.pdf = pdf;
		this.messages = messages;
		this.branding = branding;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.zone = zone;
		this.personInCharge = (personInCharge != null) ? personInCharge.strip() : "";
	}

	/** A certificate in the admins' list, with the volunteer it was issued to. */
	public record Listed(CertificateView certificate, String volunteerName, String volunteerNumber, boolean mayRevoke) {
	}

	/** A certificate's PDF and the name to save it under. */
	public record Download(String fileName, byte[] pdf) {
	}

	// --- issuing

	/**
	 * Issues a certificate of the account's volunteer's confirmed services from
	 * {@code from} to {@code to} (both included).
	 * @throws ServiceRecordException when the account has no volunteer record, or the
	 * period is incomplete, reversed, reaches into the future or holds no confirmed hours
	 */
	@Transactional
	public CertificateView issue(AccountId volunteerAccount, LocalDate from, LocalDate to) {
		VolunteerView volunteer = this.volunteers.findByAccount(volunteerAccount)
			.orElseThrow(() -> new ServiceRecordException(KEY + "state.not-a-volunteer"));
		LocalDate today = today();
		if (from == null || to == null) {
			throw new ServiceRecordException(KEY + "invalid.period");
		}
		if (from.isAfter(to)) {
			throw new ServiceRecordException(KEY + "invalid.order");
		}
		if (to.isAfter(today)) {
			throw new ServiceRecordException(KEY + "invalid.future");
		}
		List<Standing> services = standing(servicesBetween(volunteer, from, to));
		BigDecimal hours = services.stream().map(Standing::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (services.isEmpty() || hours.signum() <= 0) {
			throw new ServiceRecordException(KEY + "invalid.no-hours");
		}
		UnitView issuer = issuer(services);
		String inCharge = !this.personInCharge.isEmpty() ? this.personInCharge
				: (issuer.contact() != null && !issuer.contact().isBlank()) ? issuer.contact().strip() : null;
		long sequence = this.jdbc.sql("select nextval('certificate_number_seq')").query(Long.class).single();
		String number = "TX" + today.getYear() + "-" + String.format(Locale.ROOT, "%06d", sequence);
		String code = VerificationCodes.next();
		String nameMasked = NameMasks.mask(volunteer.name());

		List<CertificateDocument.Row> rows = services.stream()
			.map((s) -> new CertificateDocument.Row(s.entry().activityName(), s.content(), s.entry().serviceDate(),
					s.hours(), s.entry().recordingUnitName()))
			.toList();
		String idType = (volunteer.idType() != null) ? idType(volunteer, Locale.SIMPLIFIED_CHINESE) : "—";
		String idTypeEn = (volunteer.idType() != null) ? idType(volunteer, Locale.ENGLISH) : null;
		byte[] document = this.pdf
			.pdf(new CertificateDocument(association(), number, code, verifyUrl(code), volunteer.name(), idType,
					idTypeEn, (volunteer.idNumberMasked() != null) ? volunteer.idNumberMasked() : "—",
					(volunteer.number() != null) ? volunteer.number() : "—", from, to, hours, rows, issuer.name(),
					inCharge, today));

		long id = this.jdbc.sql("""
				insert into certificate (number, verify_code, volunteer_id, period_from, period_to, hours, name_masked,
				  issuer_unit_id, issuer_name, person_in_charge, pdf, issued_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(number, code, volunteer.id().value(), from, to, hours, nameMasked, issuer.id().value(),
					issuer.name(), inCharge, document, volunteerAccount.value())
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("number", number);
		after.put("volunteer", volunteer.id().value());
		after.put("name", nameMasked);
		after.put("from", from.toString());
		after.put("to", to.toString());
		after.put("hours", hours);
		after.put("issuer", issuer.name());
		this.audit.record("certificate", id, "issued", null, after);
		return get(id);
	}

	/** The volunteer's entries of services from {@code from} to {@code to}. */
	private List<EntryView> servicesBetween(VolunteerView volunteer, LocalDate from, LocalDate to) {
		return this.records.history(volunteer.id(), from, to);
	}

	/** A confirmed service at its standing hours and (corrected) content. */
	record Standing(EntryView entry, BigDecimal hours, String content) {
	}

	/**
	 * The confirmed services at their standing hours, in order of service, those standing
	 * at zero left out.
	 */
	static List<Standing> standing(List<EntryView> entries) {
		Map<Long, EntryView> originals = new LinkedHashMap<>();
		Map<Long, BigDecimal> hours = new LinkedHashMap<>();
		Map<Long, String> contents = new LinkedHashMap<>();
		for (EntryView entry : entries) {
			if (entry.status() == EntryStatus.CONFIRMED && entry.kind() != EntryKind.CORRECTION) {
				originals.put(entry.id(), entry);
				hours.put(entry.id(), entry.hours());
				contents.put(entry.id(), entry.content());
			}
		}
		// corrections share their original's service date, so they come with it;
		// in id order, so the last approved content wins
		entries.stream()
			.filter((e) -> e.status() == EntryStatus.CONFIRMED && e.kind() == EntryKind.CORRECTION)
			.filter((e) -> e.correctsId() != null && originals.containsKey(e.correctsId()))
			.sorted(Comparator.comparingLong(EntryView::id))
			.forEach((correction) -> {
				hours.merge(correction.correctsId(), correction.hours(), BigDecimal::add);
				if (correction.content() != null && !correction.content().isBlank()) {
					contents.put(correction.correctsId(), correction.content());
				}
			});
		List<Standing> result = new ArrayList<>();
		for (EntryView entry : originals.values()) {
			BigDecimal standing = hours.get(entry.id());
			if (standing.signum() > 0) {
				result.add(new Standing(entry, standing, contents.get(entry.id())));
			}
		}
		result.sort(
				Comparator.comparing((Standing s) -> s.entry().serviceDate()).thenComparingLong((s) -> s.entry().id()));
		return result;
	}

	/** The one recording unit of all the services, else the association's root unit. */
	private UnitView issuer(List<Standing> services) {
		Set<UnitId> recording = new LinkedHashSet<>();
		services.forEach((s) -> recording.add(s.entry().recordingUnit()));
		UnitView first = this.units.get(ALL, recording.iterator().next());
		if (recording.size() == 1) {
			return first;
		}
		List<UnitView> ancestors = this.units.ancestors(ALL, first);
		return ancestors.isEmpty() ? first : ancestors.get(0);
	}

	// --- revoking

	/**
	 * Revokes a certificate with a reason: admins of the volunteer's unit (or of a unit
	 * above it) and coordinators may.
	 * @throws CertificateNotFoundException when it does not exist or the scope does not
	 * see the volunteer's unit
	 * @throws org.springframework.security.access.AccessDeniedException when the scope
	 * sees but does not manage the unit (leadership)
	 * @throws ServiceRecordException without a reason, or when already revoked
	 */
	@Transactional
	public void revoke(UnitScope scope, long id, String reason, AccountId by) {
		CertificateView certificate = this.jdbc.sql(COLUMNS + " where id = ? for update")
			.param(id)
			.query(Certificates::certificate)
			.optional()
			.orElseThrow(() -> new CertificateNotFoundException(id));
		VolunteerView volunteer = this.volunteers.views(Set.of(certificate.volunteer())).get(certificate.volunteer());
		UnitView unit = (volunteer != null) ? this.units.find(scope, volunteer.unitId()).orElse(null) : null;
		if (unit == null) {
			throw new CertificateNotFoundException(id);
		}
		scope.requireMayManage(unit);
		if (reason == null || reason.isBlank()) {
			throw new ServiceRecordException(KEY + "invalid.reason");
		}
		if (certificate.isRevoked()) {
			throw new ServiceRecordException(KEY + "state.already-revoked");
		}
		String why = reason.strip();
		if (why.length() > 1000) {
			why = why.substring(0, 1000);
		}
		this.jdbc.sql("""
				update certificate set revoked_at = now(), revoked_by = ?, revoke_reason = ?
				where id = ? and revoked_at is null""").params(by.value(), why, id).update();
		this.audit.record("certificate", id, "revoked", Map.of("number", certificate.number(), "status", "VALID"),
				Map.of("number", certificate.number(), "status", "REVOKED", "reason", why));
	}

	// --- reads

	/**
	 * The certificate with this verification code (typed in any case, dashes ignored).
	 */
	@Transactional(readOnly = true)
	public Optional<CertificateView> findByCode(String code) {
		String normalised = VerificationCodes.normalise(code);
		if (normalised.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql(COLUMNS + " where verify_code = ?")
			.param(normalised)
			.query(Certificates::certificate)
			.optional();
	}

	/** The certificates issued to the account's volunteer, the newest first. */
	@Transactional(readOnly = true)
	public List<CertificateView> ofAccount(AccountId account) {
		return this.volunteers.findByAccount(account).map((v) -> ofVolunteer(v.id())).orElse(List.of());
	}

	/** The certificates issued to the volunteer, the newest first. */
	@Transactional(readOnly = true)
	public List<CertificateView> ofVolunteer(VolunteerId volunteer) {
		return this.jdbc.sql(COLUMNS + " where volunteer_id = ? order by issued_at desc, id desc")
			.param(volunteer.value())
			.query(Certificates::certificate)
			.list();
	}

	/**
	 * The PDF of one of the account's volunteer's own certificates, as issued (revoked
	 * ones too: the volunteer keeps what they were given).
	 * @throws CertificateNotFoundException when it is not theirs, or erased (never an
	 * empty PDF)
	 */
	@Transactional(readOnly = true)
	public Download pdf(AccountId account, long id) {
		VolunteerView volunteer = this.volunteers.findByAccount(account)
			.orElseThrow(() -> new CertificateNotFoundException(id));
		return this.jdbc
			.sql("select number, pdf from certificate where id = ? and volunteer_id = ? and erased_at is null")
			.params(id, volunteer.id().value())
			.query((rs, row) -> new Download(rs.getString("number") + ".pdf", rs.getBytes("pdf")))
			.optional()
			.orElseThrow(() -> new CertificateNotFoundException(id));
	}

	/**
	 * The newest certificates of volunteers in units the scope sees, up to {@code limit},
	 * matching {@code query} (part of the certificate number, of the volunteer's name, or
	 * the volunteer number) when one is given.
	 */
	@Transactional(readOnly = true)
	public List<Listed> forAdmins(UnitScope scope, String query, int limit) {
		if (scope.seesNothing()) {
			return List.of();
		}
		Set<UnitId> visible = scope.everything() ? null : this.units.visibleUnitIds(scope);
		String q = (query == null) ? "" : query.strip().toLowerCase(Locale.ROOT);
		List<Listed> result = new ArrayList<>();
		long before = Long.MAX_VALUE;
		// the volunteer's unit lives in the volunteer module: filter batch by batch
		while (result.size() < limit) {
			List<CertificateView> batch = this.jdbc.sql(COLUMNS + " where id < ? order by id desc limit ?")
				.params(before, BATCH)
				.query(Certificates::certificate)
				.list();
			if (batch.isEmpty()) {
				break;
			}
			Map<VolunteerId, VolunteerView> people = this.volunteers
				.views(batch.stream().map(CertificateView::volunteer).toList());
			for (CertificateView certificate : batch) {
				VolunteerView volunteer = people.get(certificate.volunteer());
				if (volunteer == null || (visible != null && !visible.contains(volunteer.unitId()))) {
					continue;
				}
				if (!q.isEmpty() && !matches(q, certificate, volunteer)) {
					continue;
				}
				boolean mayRevoke = scope.coordinator() || !scope.everything();
				result.add(new Listed(certificate, volunteer.name(), volunteer.number(), mayRevoke));
				if (result.size() >= limit) {
					break;
				}
			}
			before = batch.get(batch.size() - 1).id();
		}
		return result;
	}

	/** One certificate in the admins' list, or empty when the scope does not see it. */
	@Transactional(readOnly = true)
	public Optional<Listed> forAdmin(UnitScope scope, long id) {
		Optional<CertificateView> found = this.jdbc.sql(COLUMNS + " where id = ?")
			.param(id)
			.query(Certificates::certificate)
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		VolunteerView volunteer = this.volunteers.views(Set.of(found.get().volunteer())).get(found.get().volunteer());
		if (volunteer == null || !this.units.canSee(scope, volunteer.unitId())) {
			return Optional.empty();
		}
		return Optional.of(new Listed(found.get(), volunteer.name(), volunteer.number(),
				scope.coordinator() || !scope.everything()));
	}

	private static boolean matches(String q, CertificateView certificate, VolunteerView volunteer) {
		return certificate.number().toLowerCase(Locale.ROOT).contains(q)
				|| (volunteer.name() != null && volunteer.name().toLowerCase(Locale.ROOT).contains(q))
				|| (volunteer.number() != null && volunteer.number().toLowerCase(Locale.ROOT).equals(q));
	}

	@Transactional(readOnly = true)
	public CertificateView get(long id) {
		return this.jdbc.sql(COLUMNS + " where id = ?")
			.param(id)
			.query(Certificates::certificate)
			.optional()
			.orElseThrow(() -> new CertificateNotFoundException(id));
	}

	/** The first day of the volunteer's confirmed services, for "all time". */
	@Transactional(readOnly = true)
	public Optional<LocalDate> firstServiceDay(AccountId account) {
		return this.volunteers.findByAccount(account)
			.flatMap((v) -> this.records.history(v.id())
				.stream()
				.filter((e) -> e.status() == EntryStatus.CONFIRMED)
				.map(EntryView::serviceDate)
				.min(Comparator.naturalOrder()));
	}

	/** Today in the association's time zone: the last day a certificate may reach. */
	public LocalDate today() {
		return LocalDate.now(this.zone);
	}

	/** The public address that verifies the certificate with this code. */
	public String verifyUrl(String code) {
		return this.baseUrl + "/verify/" + code;
	}

	private String association() {
		String name = this.branding.name();
		return (name != null && !name.isBlank()) ? name
				: this.messages.getMessage("branding.name", null, Locale.SIMPLIFIED_CHINESE);
	}

	private String idType(VolunteerView volunteer, Locale locale) {
		return this.messages.getMessage("volunteer.idType." + volunteer.idType().name(), null,
				volunteer.idType().name(), locale);
	}

	static CertificateView certificate(ResultSet rs, int row) throws SQLException {
		return new CertificateView(rs.getLong("id"), rs.getString("number"), rs.getString("verify_code"),
				new VolunteerId(rs.getLong("volunteer_id")), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getBigDecimal("hours"), rs.getString("name_masked"),
				new UnitId(rs.getLong("issuer_unit_id")), rs.getString("issuer_name"), rs.getString("person_in_charge"),
				instant(rs, "issued_at"), (Long) rs.getObject("issued_by", Long.class), instant(rs, "revoked_at"),
				(Long) rs.getObject("revoked_by", Long.class), rs.getString("revoke_reason"), instant(rs, "erased_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
