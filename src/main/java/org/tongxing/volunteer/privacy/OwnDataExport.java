package org.tongxing.volunteer.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.shared.spreadsheet.SafeCells;
import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.AuditLog;
import org.tongxing.account.Role;
import org.tongxing.volunteer.OwnDataSource;
import org.tongxing.volunteer.VolunteerNotFoundException;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.domain.PersonalDataProtection;
import org.tongxing.volunteer.domain.PersonalField;
import org.tongxing.volunteer.domain.Skills;
import org.tongxing.volunteer.domain.Volunteer;
import org.tongxing.volunteer.domain.VolunteerRepository;

/**
 * A volunteer's copy of all of their data (PIPL's right of access and copy): their
 * profile with the ID number and phones decrypted (it is their own data), consents,
 * skills, languages, qualifications, memberships, their account (never the password hash)
 * and the audit entries about them. Each export is recorded in the audit log as
 * {@code exported-own-data}, with the format and without the data.
 */
@Service
class OwnDataExport {

	static final List<String> SECTIONS = List.of("profile", "consents", "skills", "languages", "qualifications",
			"memberships", "account", "auditLog");

	private final VolunteerRepository volunteers;

	private final PersonalDataProtection protection;

	private final Skills skills;

	private final Accounts accounts;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessageSource messages;

	private final ZoneId zone;

	private final List<OwnDataSource> sources;

	OwnDataExport(VolunteerRepository volunteers, PersonalDataProtection protection, Skills skills, Accounts accounts,
			AuditLog auditLog, JdbcClient jdbc, JsonMapper json, MessageSource messages,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone, List<OwnDataSource> sources) {
		this.sources = sources;
		this.volunteers = volunteers;
		this.protection = protection;
		this.skills = skills;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
		this.zone = zone;
	}

	/** The account's data as pretty-printed JSON, audited. */
	@Transactional
	public byte[] json(AccountId account) {
		OwnData data = collect(account, "json");
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format", "tongxing-own-data/1");
		document.put("exportedAt", text(Instant.now()));
		document.putAll(data.sections());
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
	}

	/** The account's data as a workbook with a sheet per section, audited. */
	@Transactional
	public byte[] xlsx(AccountId account, Locale locale) {
		OwnData data = collect(account, "xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (Map.Entry<String, Object> section : data.sections().entrySet()) {
				Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(
						label("privacy.export.section." + section.getKey(), section.getKey(), locale)));
				if (OwnData.isTable(section.getValue())) {
					writeTable(sheet, OwnData.table(section.getValue()), bold, locale);
				}
				else {
					writeRecord(sheet, OwnData.record(section.getValue()), bold, locale);
				}
				sheet.setColumnWidth(0, 24 * 256);
				sheet.setColumnWidth(1, 40 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void writeRecord(Sheet sheet, Map<String, Object> record, CellStyle bold, Locale locale) {
		Row header = sheet.createRow(0);
		SafeCells.write(header, 0, label("privacy.export.column.field", "field", locale)).setCellStyle(bold);
		SafeCells.write(header, 1, label("privacy.export.column.value", "value", locale)).setCellStyle(bold);
		int r = 1;
		for (Map.Entry<String, Object> field : record.entrySet()) {
			Row row = sheet.createRow(r++);
			SafeCells.write(row, 0, label("privacy.export.field." + field.getKey(), field.getKey(), locale));
			SafeCells.write(row, 1, cell(field.getValue()));
		}
	}

	private void writeTable(Sheet sheet, List<Map<String, Object>> rows, CellStyle bold, Locale locale) {
		if (rows.isEmpty()) {
			SafeCells.write(sheet.createRow(0), 0, label("privacy.export.none", "none", locale));
			return;
		}
		List<String> columns = new ArrayList<>(rows.get(0).keySet());
		Row header = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			SafeCells.write(header, c, label("privacy.export.field." + columns.get(c), columns.get(c), locale))
				.setCellStyle(bold);
		}
		int r = 1;
		for (Map<String, Object> values : rows) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < columns.size(); c++) {
				SafeCells.write(row, c, cell(values.get(columns.get(c))));
			}
		}
	}

	private static Object cell(Object value) {
		return (value instanceof Collection<?> list) ? String.join(", ", list.stream().map(String::valueOf).toList())
				: value;
	}

	private String label(String key, String fallback, Locale locale) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

	/**
	 * Everything about the account's volunteer, and the audit entry of this export.
	 * @throws VolunteerNotFoundException when the account has no volunteer record
	 */
	OwnData collect(AccountId account, String format) {
		Volunteer volunteer = this.volunteers.findByAccountId(account.value())
			.orElseThrow(() -> new VolunteerNotFoundException(null));
		VolunteerView view = volunteer.view(this.skills.codesById());
		long id = view.id().value();
		Map<String, Object> sections = new LinkedHashMap<>();
		sections.put("profile", profile(volunteer, view));
		sections.put("consents", this.jdbc.sql("""
				select notice_version, notice_accepted_at, sensitive_consent_at, guardian_consent_at
				from volunteer where id = :id
				""").param("id", id).query((rs, n) -> {
			Map<String, Object> consents = new LinkedHashMap<>();
			consents.put("noticeVersion", rs.getString("notice_version"));
			consents.put("noticeAcceptedAt", text(rs.getTimestamp("notice_accepted_at")));
			consents.put("sensitiveConsentAt", text(rs.getTimestamp("sensitive_consent_at")));
			consents.put("guardianConsentAt", text(rs.getTimestamp("guardian_consent_at")));
			return consents;
		}).single());
		sections.put("skills", this.jdbc.sql("""
				select s.code, s.name, s.name_en, vs.level from volunteer_skill vs join skill s on s.id = vs.skill_id
				where vs.volunteer_id = :id order by s.code
				""")
			.param("id", id)
			.query((rs, n) -> row("code", rs.getString("code"), "skill", rs.getString("name"), "skillEn",
					rs.getString("name_en"), "level", rs.getInt("level")))
			.list());
		sections.put("languages",
				this.jdbc
					.sql("select language, level from volunteer_language where volunteer_id = :id order by language")
					.param("id", id)
					.query((rs, n) -> row("language", rs.getString("language"), "level", rs.getInt("level")))
					.list());
		sections.put("qualifications", this.jdbc.sql("""
				select t.code, t.name, q.certificate_number, q.expires_on, q.status, q.decided_at, q.decision_reason,
				       f.file_name
				from volunteer_qualification q join qualification_type t on t.id = q.type_id
				left join stored_file f on f.id = q.proof_file_id
				where q.volunteer_id = :id order by t.code
				""").param("id", id).query((rs, n) -> {
			Map<String, Object> qualification = row("type", rs.getString("code"), "qualification", rs.getString("name"),
					"certificateNumber", rs.getString("certificate_number"), "expiresOn",
					text(rs.getObject("expires_on", LocalDate.class)), "status", rs.getString("status"));
			qualification.put("decidedAt", text(rs.getTimestamp("decided_at")));
			qualification.put("decisionReason", rs.getString("decision_reason"));
			qualification.put("proofFile", rs.getString("file_name"));
			return qualification;
		}).list());
		sections.put("memberships", this.jdbc.sql("""
				select u.name as unit_name, m.valid_from, m.valid_to, m.note, m.country, m.city, m.time_zone
				from volunteer_membership m join unit u on u.id = m.unit_id
				where m.volunteer_id = :id order by m.valid_from, m.id
				""").param("id", id).query((rs, n) -> {
			Map<String, Object> membership = row("unit", rs.getString("unit_name"), "validFrom",
					text(rs.getObject("valid_from", LocalDate.class)), "validTo",
					text(rs.getObject("valid_to", LocalDate.class)), "note", rs.getString("note"));
			membership.put("country", rs.getString("country"));
			membership.put("city", rs.getString("city"));
			membership.put("timeZone", rs.getString("time_zone"));
			return membership;
		}).list());
		// what other modules hold (service records, certificates, ...)
		this.sources.forEach((source) -> sections.putAll(source.ownData(view.id())));
		sections.put("account", account(account));
		sections.put("auditLog", auditEntries(id, account));
		this.auditLog.record("volunteer", view.id(), "exported-own-data", null, Map.of("format", format));
		return new OwnData(id, sections);
	}

	private Map<String, Object> profile(Volunteer volunteer, VolunteerView view) {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("number", view.number());
		profile.put("status", view.status().name());
		profile.put("statusReason", view.statusReason());
		profile.put("name", view.name());
		profile.put("sex", (view.sex() != null) ? view.sex().name() : null);
		profile.put("birthDate", text(view.birthDate()));
		profile.put("idType", (view.idType() != null) ? view.idType().name() : null);
		profile.put("idNumber", this.protection.decrypt(PersonalField.ID_NUMBER, volunteer.idNumberCipher()));
		profile.put("phone", this.protection.decrypt(PersonalField.PHONE, volunteer.phoneCipher()));
		profile.put("email", view.email());
		profile.put("emailVerified", view.emailVerified());
		profile.put("unit",
				this.jdbc.sql("select name from unit where id = :id")
					.param("id", view.unitId().value())
					.query(String.class)
					.optional()
					.orElse(null));
		profile.put("residentialArea", view.residentialArea());
		profile.put("serviceCategories", List.copyOf(new TreeSet<>(view.serviceCategories())));
		profile.put("availability", List.copyOf(new TreeSet<>(view.availability())));
		profile.put("country", view.country());
		profile.put("city", view.city());
		profile.put("timeZone", view.timeZone());
		profile.put("guardianName", view.guardianName());
		profile.put("guardianPhone",
				this.protection.decrypt(PersonalField.GUARDIAN_PHONE, volunteer.guardianPhoneCipher()));
		profile.put("locale", view.locale());
		profile.put("source", view.source());
		profile.put("recruitmentDrive",
				(view.driveId() != null) ? this.jdbc.sql("select name from recruitment_drive where id = :id")
					.param("id", view.driveId())
					.query(String.class)
					.optional()
					.orElse(null) : null);
		profile.put("registeredAt", text(view.registeredAt()));
		profile.put("approvedAt", text(view.approvedAt()));
		profile.put("leftAt", text(view.leftAt()));
		profile.put("deletionRequestedAt", text(view.deletionRequestedAt()));
		return profile;
	}

	private Map<String, Object> account(AccountId id) {
		Map<String, Object> account = new LinkedHashMap<>();
		AccountView view = this.accounts.find(id).orElse(null);
		if (view != null) {
			account.put("username", view.username());
			account.put("displayName", view.displayName());
			account.put("email", view.email());
			account.put("roles", view.roles().stream().map(Role::name).sorted().toList());
			account.put("enabled", view.enabled());
		}
		return account;
	}

	/**
	 * The audit entries about the volunteer and their account. The audit log is the
	 * account module's table; it is read here directly because it has no read API for
	 * other modules yet.
	 */
	private List<Map<String, Object>> auditEntries(long volunteerId, AccountId account) {
		return this.jdbc.sql("""
				select occurred_at, actor_name, entity_type, action, before_state::text as before_state,
				       after_state::text as after_state
				from audit_entry
				where (entity_type = 'volunteer' and entity_id = :volunteer)
				   or (entity_type = 'account' and entity_id = :account)
				order by occurred_at, id
				""")
			.param("volunteer", String.valueOf(volunteerId))
			.param("account", String.valueOf(account.value()))
			.query(this::auditEntry)
			.list();
	}

	private Map<String, Object> auditEntry(ResultSet rs, int n) throws SQLException {
		Map<String, Object> entry = row("occurredAt", text(rs.getTimestamp("occurred_at")), "actor",
				rs.getString("actor_name"), "entityType", rs.getString("entity_type"), "action",
				rs.getString("action"));
		entry.put("before", rs.getString("before_state"));
		entry.put("after", rs.getString("after_state"));
		return entry;
	}

	private static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	private String text(Instant instant) {
		return (instant != null) ? instant.atZone(this.zone).toOffsetDateTime().toString() : null;
	}

	private String text(Timestamp timestamp) {
		return (timestamp != null) ? text(timestamp.toInstant()) : null;
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
