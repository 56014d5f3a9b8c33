package org.tongxing.volunteer.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.shared.spreadsheet.SafeCells;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.domain.PersonalDataProtection;
import org.tongxing.volunteer.domain.PersonalField;
import org.tongxing.volunteer.registry.VolunteerQuery.Columns;

/**
 * Exports the volunteers a registry filter finds (within the viewer's scope) as xlsx,
 * streamed: rows are read with a fetch size and written through a streaming workbook, so
 * neither the result nor the file is held in memory.
 *
 * <p>
 * Masked by default. An unmasked export (ID number and phone in clear) is only for
 * coordinators ({@link #mayExportUnmasked}): they run the whole association and may act
 * on every unit, whereas a unit admin's right ends at their subtree and leadership only
 * reads. The page asks them to confirm with a reason.
 *
 * <p>
 * Every export is recorded in the audit log (entity {@code volunteer-export}: the filter,
 * the row count, masked or not, the reason) in its own transaction BEFORE any row is
 * written, so an export that breaks off halfway is still on record. The count and the
 * rows come from one snapshot (repeatable read), so the recorded count is the file's.
 * Text cells go through {@link SafeCells}; headers and labels are in the viewer's
 * language.
 */
@Service
public class RegistryExport {

	static final String AUDIT_ENTITY = "volunteer-export";

	private static final int FETCH_SIZE = 500;

	private static final int ROW_WINDOW = 200;

	/** The rows an xlsx sheet holds below its header. */
	static final long MAX_ROWS = 1_048_575;

	private static final List<String> HEADERS = List.of("number", "name", "sex", "birthDate", "age", "idType",
			"idNumber", "phone", "email", "unit", "status", "statusReason", "country", "city", "residentialArea",
			"skills", "languages", "registeredAt", "source");

	private final Registry registry;

	private final JdbcClient streaming;

	private final AuditLog auditLog;

	private final PersonalDataProtection protection;

	private final MessageSource messages;

	private final TransactionTemplate snapshot;

	private final TransactionTemplate ownTransaction;

	private final ZoneId zone;

	RegistryExport(Registry registry, DataSource dataSource, AuditLog auditLog, PersonalDataProtection protection,
			MessageSource messages, PlatformTransactionManager transactions,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.registry = registry;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		// PostgreSQL streams with a cursor only inside a transaction and with a fetch
		// size
		template.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(template);
		this.auditLog = auditLog;
		this.protection = protection;
		this.messages = messages;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.zone = zone;
	}

	/** Whether the scope may export ID numbers and phones in clear: coordinators only. */
	public static boolean mayExportUnmasked(UnitScope scope) {
		return scope.coordinator();
	}

	/**
	 * Writes the export to {@code out} and returns the number of rows.
	 * @param unmasked ID numbers and phones in clear; needs {@link #mayExportUnmasked}
	 * and a reason
	 * @param reason why (recorded), required when unmasked
	 * @throws org.springframework.security.access.AccessDeniedException when unmasked is
	 * asked without the right
	 * @throws ExportTooLargeException when more rows match than a sheet holds (nothing is
	 * written or recorded)
	 */
	public long export(UnitScope scope, RegistryFilterForm filter, boolean unmasked, String reason, Locale locale,
			OutputStream out) {
		if (unmasked && !mayExportUnmasked(scope)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Unmasked exports are for coordinators");
		}
		if (unmasked && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException("An unmasked export needs a reason");
		}
		Long rows = this.snapshot.execute((status) -> {
			VolunteerQuery query = this.registry.query(scope, filter);
			VolunteerQuery.Sql count = query.count();
			long total = this.streaming.sql(count.sql()).params(count.parameters()).query(Long.class).single();
			if (total > MAX_ROWS) {
				throw new ExportTooLargeException(total);
			}
			this.ownTransaction.executeWithoutResult((audit) -> this.auditLog.record(AUDIT_ENTITY,
					UUID.randomUUID().toString(), unmasked ? "exported-unmasked" : "exported-masked", null,
					auditState(filter, total, unmasked, reason)));
			try {
				long written = write(query.all(unmasked ? Columns.EXPORT_UNMASKED : Columns.EXPORT), unmasked, locale,
						out);
				return written;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return (rows != null) ? rows : 0;
	}

	private static Map<String, Object> auditState(RegistryFilterForm filter, long rows, boolean unmasked,
			String reason) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("filter", filter.parameters());
		state.put("rows", rows);
		state.put("masked", !unmasked);
		if (unmasked) {
			state.put("reason", reason.strip());
		}
		return state;
	}

	private long write(VolunteerQuery.Sql sql, boolean unmasked, Locale locale, OutputStream out) throws IOException {
		Labels labels = new Labels(locale);
		SXSSFWorkbook workbook = unmasked ? new EncryptedTempFilesWorkbook(ROW_WINDOW) : new SXSSFWorkbook(ROW_WINDOW);
		try {
			SXSSFSheet sheet = workbook.createSheet(labels.message("registry.export.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			SXSSFRow header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(labels.message("registry.export.column." + HEADERS.get(i)));
				header.getCell(i).setCellStyle(bold);
			}
			sheet.createFreezePane(0, 1);
			long[] count = { 0 };
			this.streaming.sql(sql.sql()).params(sql.parameters()).query((ResultSet rs) -> {
				List<String> values = values(rs, unmasked, labels);
				SXSSFRow row = sheet.createRow((int) ++count[0]);
				for (int i = 0; i < values.size(); i++) {
					String value = SafeCells.text(values.get(i));
					if (value != null) {
						row.createCell(i).setCellValue(value);
					}
				}
			});
			workbook.write(out);
			return count[0];
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	private List<String> values(ResultSet rs, boolean unmasked, Labels labels) throws SQLException {
		Registry.Row row = Registry.row(rs, 0);
		List<String> values = new ArrayList<>(HEADERS.size());
		values.add(row.number());
		values.add(row.name());
		values.add((row.sex() != null) ? labels.message("volunteer.sex." + row.sex().name()) : null);
		values.add((row.birthDate() != null) ? row.birthDate().toString() : null);
		values.add((row.birthDate() != null) ? String.valueOf(row.ageOn(labels.today)) : null);
		String idType = rs.getString("id_type");
		values.add((idType != null) ? labels.message("volunteer.idType." + idType) : null);
		values.add(unmasked ? this.protection.decrypt(PersonalField.ID_NUMBER, rs.getString("id_number_cipher"))
				: row.idNumberMasked());
		values.add(unmasked ? this.protection.decrypt(PersonalField.PHONE, rs.getString("phone_cipher"))
				: row.phoneMasked());
		values.add(row.email());
		values.add(row.unitName(labels.locale));
		values.add(labels.message("volunteer.status." + row.status().name()));
		values.add(rs.getString("status_reason"));
		values.add(row.country());
		values.add(row.city());
		values.add(rs.getString("residential_area"));
		values.add(labels.skills(rs.getString("skills")));
		values.add(labels.languages(rs.getString("languages")));
		values.add(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone).format(row.registeredAt()));
		values.add(labels.message("registry.source." + rs.getString("source")));
		return values;
	}

	/** Labels in the viewer's language, looked up once per export. */
	private final class Labels {

		final Locale locale;

		final java.time.LocalDate today;

		private final Map<String, String> cache = new LinkedHashMap<>();

		private final Map<String, String> skillNames = new LinkedHashMap<>();

		Labels(Locale locale) {
			this.locale = locale;
			this.today = java.time.LocalDate.now(RegistryExport.this.zone);
			RegistryExport.this.registry.skills()
				.forEach((skill) -> this.skillNames.put(skill.code(), skill.label(locale)));
		}

		String message(String key) {
			return this.cache.computeIfAbsent(key,
					(k) -> RegistryExport.this.messages.getMessage(k, null, k, this.locale));
		}

		/** "code:level,code:level" as "First aid (proficient), Law (expert)". */
		String skills(String codes) {
			return list(codes, (code) -> this.skillNames.getOrDefault(code, code), "volunteer.skillLevel.");
		}

		String languages(String codes) {
			return list(codes, (code) -> message("volunteer.language." + code), "volunteer.languageLevel.");
		}

		private String list(String codes, java.util.function.Function<String, String> name, String levelPrefix) {
			if (codes == null || codes.isEmpty()) {
				return null;
			}
			List<String> parts = new ArrayList<>();
			for (String entry : codes.split(",")) {
				int colon = entry.lastIndexOf(':');
				parts.add(name.apply(entry.substring(0, colon)) + " ("
						+ message(levelPrefix + entry.substring(colon + 1)) + ")");
			}
			return String.join(", ", parts);
		}

	}

}
